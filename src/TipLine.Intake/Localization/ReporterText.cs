namespace TipLine.Intake.Localization;

/// <summary>Marker for the reporter-facing texts in ReporterText.*.resx (en, es, vi, zh-Hans, ar, ht, pt, ru, so, tl, ko, fr).</summary>
public sealed class ReporterText;
