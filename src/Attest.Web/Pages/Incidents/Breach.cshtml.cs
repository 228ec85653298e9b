using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Incidents;

/// <summary>
/// The personal data breach record of an incident (GDPR Art. 33/34): the 72-hour clock, the assessment and decision, and the log of
/// notifications, which is never edited. Editors open it; Contributors change only the incidents they handle.
/// </summary>
[Authorize(Policy = Access.Editor)]
public sealed class BreachModel(AttestDbContext db, IAuthorizationService authorization, SaveBreachAssessment save, LogBreachNotification log)
    : OwnedRecordPage<Incident>(db, authorization)
{
    public sealed class AssessmentForm
    {
        public string? AwareAt { get; set; }
        public BreachStatus Decision { get; set; }
        public BreachRisk Risk { get; set; }
        public string? DataCategories { get; set; }
        public string? DataSubjects { get; set; }
        public int? ApproximateSubjects { get; set; }
        public int? ApproximateRecords { get; set; }
        public string? LikelyConsequences { get; set; }
        public string? MeasuresTaken { get; set; }
        public string? Authority { get; set; }
        public string? NotNotifiableReason { get; set; }
        public string? DelayReason { get; set; }
        public int Version { get; set; }
    }

    public sealed class NotificationForm
    {
        public NotificationRecipient Recipient { get; set; }
        public string? RecipientName { get; set; }
        public string? SentAt { get; set; }
        public string? Method { get; set; }
        public string? Content { get; set; }
        public string? ExternalReference { get; set; }
        public string? SentBy { get; set; }
        public string? DelayReason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public AssessmentForm Input { get; set; } = new();
    [BindProperty] public NotificationForm Notification { get; set; } = new();
    public IncidentDetail? Detail { get; private set; }
    public BreachView? Breach => Detail?.Breach;
    public List<string> Errors { get; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } incident) return NotFound();
        CanEdit = await MayEditAsync(incident);
        await DescribeAsync(id);
        FillAssessment();
        FillNotification();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => ActAsync(keepAssessment: true, async id =>
    {
        var validation = new Validation();
        var aware = IncidentForms.Read(Input.AwareAt, Zone, "AwareAt", validation);
        if (aware is null && string.IsNullOrWhiteSpace(Input.AwareAt)) validation.Add("AwareAt", "is required: the moment the organization became aware of the breach.");
        validation.ThrowIfInvalid();
        await save.RunAsync(id, new BreachInput(aware!.Value, Input.Decision, Input.Risk, Input.DataCategories, Input.DataSubjects, Input.ApproximateSubjects,
            Input.ApproximateRecords, Input.LikelyConsequences, Input.MeasuresTaken, Input.Authority, Input.NotNotifiableReason, Input.DelayReason, Input.Version), HttpContext.RequestAborted);
        return "The breach assessment has been saved.";
    });

    public Task<IActionResult> OnPostNotifyAsync() => ActAsync(keepAssessment: false, async id =>
    {
        var validation = new Validation();
        var sent = IncidentForms.Read(Notification.SentAt, Zone, "SentAt", validation);
        validation.ThrowIfInvalid();
        await log.RunAsync(id, new BreachNotificationInput(Notification.Recipient, Notification.RecipientName ?? "", sent, Notification.Method ?? "", Notification.Content,
            Notification.ExternalReference, Notification.SentBy, Notification.DelayReason), HttpContext.RequestAborted);
        return $"The notification to {Notification.RecipientName} has been logged.";
    });

    private async Task<IActionResult> ActAsync(bool keepAssessment, Func<Guid, Task<string>> action)
    {
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } incident) return NotFound();
        CanEdit = await MayEditAsync(incident);
        if (!CanEdit) return Forbid();
        await DescribeAsync(id);
        string? message = null;
        if (await this.TryAsync(Db, Errors, async () => message = await action(id)))
        {
            TempData["Success"] = message;
            return Redirect($"/incidents/{id}/breach");
        }
        if (keepAssessment) { Input.Version = Breach?.Version ?? Input.Version; FillNotification(); }
        else FillAssessment();
        return Page();
    }

    private async Task DescribeAsync(Guid id)
    {
        Zone = IncidentForms.Zone(HttpContext);
        Now = Instant.Now(Db.Clock);
        Detail = await IncidentQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
    }

    private void FillAssessment()
    {
        if (Breach is not { } b) return;
        Input = new AssessmentForm
        {
            AwareAt = IncidentForms.Local(b.AwareAt, Zone), Decision = b.Status == BreachStatus.Notified ? BreachStatus.Notifiable : b.Status, Risk = b.Risk,
            DataCategories = b.DataCategories, DataSubjects = b.DataSubjects, ApproximateSubjects = b.ApproximateSubjects, ApproximateRecords = b.ApproximateRecords,
            LikelyConsequences = b.LikelyConsequences, MeasuresTaken = b.MeasuresTaken, Authority = b.Authority, NotNotifiableReason = b.NotNotifiableReason,
            DelayReason = b.DelayReason, Version = b.Version,
        };
    }

    private void FillNotification()
    {
        Notification = new NotificationForm { RecipientName = Breach?.Authority };
    }
}
