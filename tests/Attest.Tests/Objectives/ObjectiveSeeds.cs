using Attest.Objectives;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Objectives;

/// <summary>Objectives and measures for tests.</summary>
public static class ObjectiveSeeds
{
    /// <summary>A strategic objective owned by the Contributor, an operational one under it, a computed measure and a manual one.</summary>
    public sealed record SeededObjectives(Guid StrategicId, Guid OperationalId, Guid ComputedMeasureId, Guid ManualMeasureId);

    /// <summary>
    /// "Close corrective actions on time" (owned by the Contributor) measuring overdue corrective actions (= 0, amber 2), with "Client
    /// satisfaction" (manual, ≥ 4.2 of 5) on an operational objective under it; one on-demand snapshot and one manual value are taken.
    /// </summary>
    public static Task<SeededObjectives> AddObjectivesAsync(TestApp app, TestOrganization organization, string prefix = "") =>
        app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveObjective>();
            var owner = organization[OrganizationRole.Contributor].UserId;
            var strategic = await save.RunAsync(null, new ObjectiveInput($"{prefix}Close corrective actions on time", ObjectiveKind.Strategic, owner,
                "Actions are **closed by their due date**.", Frameworks: ["iso27001-2022"]));
            var operational = await save.RunAsync(null, new ObjectiveInput($"{prefix}Delight clients", ObjectiveKind.Operational, organization[OrganizationRole.Manager].UserId,
                ParentId: strategic, CoOwnerIds: [organization[OrganizationRole.Admin].UserId]));
            var measures = s.GetRequiredService<SaveMeasure>();
            var computed = await measures.RunAsync(null, new MeasureInput(strategic, "Overdue corrective actions", MeasureSource.Computed, TargetComparison.EqualTo, 0,
                MeasureDirection.LowerIsBetter, MeasureUnit.Count, "actions.overdue", AmberThreshold: 2));
            var manual = await measures.RunAsync(null, new MeasureInput(operational, "Client satisfaction", MeasureSource.Manual, TargetComparison.AtLeast, 4.2m,
                MeasureDirection.HigherIsBetter, MeasureUnit.Number, DataSourceNote: "Quarterly survey", AmberThreshold: 3.8m));
            await s.GetRequiredService<TakeMeasurements>().RunAsync(MeasurementKind.OnDemand);
            await s.GetRequiredService<RecordManualMeasurement>().RunAsync(manual, new ManualMeasurementInput(4.4m, "Survey of 12 clients."));
            return new SeededObjectives(strategic, operational, computed, manual);
        });
}
