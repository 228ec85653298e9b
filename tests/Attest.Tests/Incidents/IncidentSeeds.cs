using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Incidents;

public static class IncidentSeeds
{
    public sealed record SeededIncident(Guid Id, Guid ActionId);

    /// <summary>
    /// An incident reported by the Employee, handled by the Contributor, contained, with personal data (a breach record and an authority
    /// notification), a note, a review linking a risk and a control when given, and a corrective action.
    /// </summary>
    public static Task<SeededIncident> AddIncidentAsync(TestApp app, TestOrganization organization, string title = "Agent answered with another client's data",
        Guid? riskId = null, Guid? controlId = null, Guid? assetId = null) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var employee = organization[OrganizationRole.Employee];
            var now = Instant.Now(db.Clock);
            Guid id;
            using (db.Acting.ActAs(employee.UserId, employee.Email, Attest.Audit.AuditChannel.Ui))
            {
                id = await s.GetRequiredService<ReportIncident>().RunAsync(new IncidentReportInput(title, "Seen in the chat log.", IncidentCategory.AiMisbehaviour,
                    IncidentSeverity.High, now.AddHours(-6), now.AddHours(-5), assetId is { } a ? [a] : null, "Client A", "Contract summaries", PersonalData: true));
            }
            async Task<int> V()
            {
                db.ChangeTracker.Clear();
                return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Incidents.Where(i => i.Id == id).Select(i => i.Version));
            }
            var incident = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Incidents.Where(i => i.Id == id));
            await s.GetRequiredService<SaveIncident>().RunAsync(id, new IncidentInput(title, "Seen in the chat log.", IncidentCategory.AiMisbehaviour, IncidentSeverity.High,
                organization[OrganizationRole.Contributor].UserId, incident!.OccurredAt, incident.DetectedAt, null, "Client A", "Contract summaries", true, null, incident.Version));
            await s.GetRequiredService<ChangeIncidentStatus>().RunAsync(id, IncidentStatus.Triaged, now.AddHours(-4), null, await V());
            await s.GetRequiredService<ChangeIncidentStatus>().RunAsync(id, IncidentStatus.Contained, now.AddHours(-3), "Agent paused.", await V());
            await s.GetRequiredService<AddIncidentNote>().RunAsync(id, "Client informed by phone.");
            await s.GetRequiredService<RecordIncidentReview>().RunAsync(id, new IncidentReviewInput("Retrieval index shared across clients.", "Partition indexes per client.",
                null, riskId is { } r ? [new IncidentLinkInput(r, "Likelihood raised.")] : [], controlId is { } c ? [new IncidentLinkInput(c, "Did not prevent it.")] : [], await V()));
            await s.GetRequiredService<LogBreachNotification>().RunAsync(id, new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", now.AddHours(-1),
                "Authority portal", "Initial notification.", "ICO-123"));
            var action = await s.GetRequiredService<SaveCorrectiveAction>().RunAsync(null, new CorrectiveActionInput("Partition retrieval indexes", Source: ActionSource.Incident,
                SourceId: id, OwnerId: organization[OrganizationRole.Contributor].UserId, DueOn: DateOnly.FromDateTime(now.UtcDateTime).AddDays(30)));
            return new SeededIncident(id, action);
        });
}
