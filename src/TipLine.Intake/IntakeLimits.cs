namespace TipLine.Intake;

internal static class IntakeLimits
{
    /// <summary>
    /// Large enough that an over-long text still arrives and gets a clear, localized "too long"
    /// answer with the form refilled; anything bigger is refused before it is read.
    /// </summary>
    public const int MaxFormBytes = 2 * 1024 * 1024;
}
