using Attest.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Improvement;

/// <summary>Corrective actions (and the incidents they come from) for tests.</summary>
public static class ActionSeeds
{
    public static Task<Guid> AddActionAsync(this TestApp app, TestOrganization organization, string title, Guid? ownerId = null, DateOnly? dueOn = null,
        ActionStatus status = ActionStatus.Open, ActionSource source = ActionSource.Other, Guid? sourceId = null, DateOnly? completedOn = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveCorrectiveAction>().RunAsync(null,
            new CorrectiveActionInput(title, $"Why: {title}.", source, sourceId, ownerId, dueOn, status, completedOn)));

    /// <summary>A minimal reported incident to raise actions from; the incident register's own use cases are not needed for that.</summary>
    public static Task<Guid> AddIncidentAsync(this TestApp app, TestOrganization organization, string title = "Agent gave a wrong tax answer") =>
        app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var count = await db.Incidents.CountAsync();
            var now = Instant.Now(db.Clock);
            var incident = new Attest.Incidents.Incident
            {
                Reference = $"INC-{count + 1:0000}", Title = title, Category = Attest.Incidents.IncidentCategory.AiMisbehaviour, Severity = Attest.Incidents.IncidentSeverity.High,
                DetectedAt = now.AddHours(-3), ReportedAt = now.AddHours(-2), OccurredAt = now.AddHours(-4), ReportedBy = "Tester",
            };
            Attest.Incidents.IncidentClock.Recompute(incident, TimeZoneInfo.Utc);
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            return incident.Id;
        });

    /// <summary>Moves an action's raising back by <paramref name="days"/> (CreatedAt is stamped on save, so tests set it afterwards).</summary>
    public static Task RaiseEarlierAsync(this TestApp app, TestOrganization organization, Guid actionId, int days) =>
        app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var created = await db.CorrectiveActions.Where(a => a.Id == actionId).Select(a => a.CreatedAt).SingleAsync();
            await db.CorrectiveActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(u => u.SetProperty(a => a.CreatedAt, created.AddDays(-days)));
        });
}
