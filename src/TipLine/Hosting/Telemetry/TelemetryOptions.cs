using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace TipLine.Hosting.Telemetry;

/// <summary>Section <c>Telemetry</c>: OpenTelemetry traces, metrics and logs. Off unless enabled.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    public bool Enabled { get; set; }

    /// <summary>The OTLP collector to export to; without one nothing leaves the process.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    [Required, MaxLength(100)]
    public string ServiceName { get; set; } = "tipline";

    /// <summary>How often the outbox and work-queue depths are counted for the gauges.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Telemetry:OtlpEndpoint must be an absolute http or https URL.", [nameof(OtlpEndpoint)]);
        }
    }
}
