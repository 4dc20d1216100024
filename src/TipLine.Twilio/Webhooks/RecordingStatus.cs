using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.Webhooks;

/// <summary>
/// The recordingStatusCallback of a &lt;Record&gt;. Status is in-progress, completed, absent or failed; only a
/// completed recording is sure to have a file at <see cref="RecordingUrl"/>.
/// </summary>
public sealed record RecordingStatus(string RecordingSid, Uri? RecordingUrl, string Status, int? RecordingDuration, string CallSid)
{
    public const string Completed = "completed";

    public bool IsCompleted => Status == Completed;

    public static ParsedWebhook<RecordingStatus> FromForm(IFormCollection form) => FromForm(WebhookFields.Flatten(form));

    public static ParsedWebhook<RecordingStatus> FromForm(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new WebhookFields(form);
        var recordingSid = fields.Required("RecordingSid");
        var status = fields.Required("RecordingStatus");
        var callSid = fields.Required("CallSid");
        var url = status == Completed || fields.Optional("RecordingUrl") is not null ? fields.RequiredUrl("RecordingUrl") : null;
        var duration = fields.OptionalInt("RecordingDuration");
        return fields.Result("Recording status", () => new RecordingStatus(recordingSid, url, status, duration, callSid));
    }
}
