namespace TipLine.Intake.Localization;

/// <summary>Marker for the reporter-facing texts in ReporterText.*.resx (en, es, vi, zh-Hans, ar).</summary>
public sealed class ReporterText;
