namespace TipLine.Bus.Work;

/// <summary>
/// Thrown by a handler when trying again cannot help (a file over the size limit, a URL off the provider's host): the
/// item is given up at once and parked, with <paramref name="reason"/> (a short code, never content) as its error.
/// </summary>
public sealed class UnworkableException(string reason) : Exception(reason)
{
    public string Reason => Message;
}
