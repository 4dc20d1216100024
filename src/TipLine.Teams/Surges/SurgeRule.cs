using System.Globalization;

namespace TipLine.Teams.Surges;

/// <summary>What counts as a surge, and what the district administrators are told: counts only, never a tip's words.</summary>
internal static class SurgeRule
{
    public static bool IsSurge(int recentTips, TimeSpan window, double usualPerMinute, SurgeOptions options) =>
        recentTips >= options.MinimumTips && recentTips / window.TotalMinutes > options.Multiple * usualPerMinute;

    public static string Notice(int recentTips, TimeSpan window, double usualPerMinute)
    {
        var usualInWindow = usualPerMinute * window.TotalMinutes;
        var times = usualInWindow > 0 ? string.Create(CultureInfo.InvariantCulture, $", {recentTips / usualInWindow:0.#} times the usual rate") : "";
        var minutes = Math.Round(window.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture,
            $"surge of tips, {recentTips} in the last {minutes:0} {(minutes == 1 ? "minute" : "minutes")}{times}. A district administrator can turn surge mode on");
    }
}
