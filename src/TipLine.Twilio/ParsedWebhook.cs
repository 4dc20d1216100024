using System.Diagnostics.CodeAnalysis;

namespace TipLine.Twilio;

/// <summary>A webhook form read into <typeparamref name="T"/>, or the reason it could not be.</summary>
public sealed class ParsedWebhook<T> where T : class
{
    internal ParsedWebhook(T? value, string? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    /// <summary>Names every missing or malformed field; safe to log (field names only, never values).</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;
}

internal static class ParsedWebhook
{
    public static ParsedWebhook<T> Valid<T>(T value) where T : class => new(value, null);

    public static ParsedWebhook<T> Invalid<T>(string error) where T : class => new(null, error);
}
