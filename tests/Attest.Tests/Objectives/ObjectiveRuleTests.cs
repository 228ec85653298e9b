using Attest.Data;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Objectives;

/// <summary>The rules of objectives, measures and manual values, and the immutability of stored values (pure rules: SQLite only).</summary>
public sealed class ObjectiveRuleTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(Func<Task> action) =>
        (await Assert.ThrowsAsync<ValidationFailedException>(action)).Errors;

    [Fact]
    public async Task ObjectivesAndMeasures_BreakingARule_AreRefusedWithAMessageNamingTheField()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Contributor].UserId;
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveObjective>();
            var bad = await ErrorsAsync(() => save.RunAsync(null, new ObjectiveInput(" ", ObjectiveKind.Operational, null, StartOn: new DateOnly(2026, 5, 1),
                TargetOn: new DateOnly(2026, 4, 1), Frameworks: ["iso9001"])));
            Assert.Equal("is required.", bad["Title"].Single());
            Assert.Equal("is required: every objective has an accountable owner.", bad["OwnerId"].Single());
            Assert.Equal("is required: an operational objective contributes to a strategic objective.", bad["ParentId"].Single());
            Assert.Equal("cannot be before the start date.", bad["TargetOn"].Single());
            Assert.Equal("iso9001 is not a framework loaded here.", bad["Frameworks"].Single());

            var strategic = await save.RunAsync(null, new ObjectiveInput("Protect AI agents", ObjectiveKind.Strategic, owner, Frameworks: ["iso27001-2022", "iso42001-2023"]));
            var operational = await save.RunAsync(null, new ObjectiveInput("Assess every agent", ObjectiveKind.Operational, owner, ParentId: strategic));
            var underOperational = await ErrorsAsync(() => save.RunAsync(null, new ObjectiveInput("Deeper", ObjectiveKind.Operational, owner, ParentId: operational)));
            Assert.Equal("must be a strategic objective of this organization.", underOperational["ParentId"].Single());
            var demote = await ErrorsAsync(() => save.RunAsync(strategic, new ObjectiveInput("Protect AI agents", ObjectiveKind.Operational, owner, ParentId: strategic, Version: 1)));
            Assert.Equal("cannot become operational while operational objectives contribute to it.", demote["Kind"].Single());

            var measures = s.GetRequiredService<SaveMeasure>();
            var computed = await ErrorsAsync(() => measures.RunAsync(null, new MeasureInput(strategic, "Assessed", MeasureSource.Computed, TargetComparison.AtLeast, 100,
                MeasureDirection.HigherIsBetter, MeasureUnit.Percent, "ai.no-such-measure", AmberThreshold: 100)));
            Assert.Equal("'ai.no-such-measure' is not a named measure of the library.", computed["LibraryKey"].Single());
            Assert.Equal("must lie on the bad side of the target: below 100 % when higher is better.", computed["AmberThreshold"].Single());
            var manual = await ErrorsAsync(() => measures.RunAsync(null, new MeasureInput(strategic, "Breaches", MeasureSource.Manual, TargetComparison.AtLeast, 0,
                MeasureDirection.LowerIsBetter, MeasureUnit.Percent, "actions.overdue", AmberThreshold: 120)));
            Assert.Equal("must be empty for a manual measure.", manual["LibraryKey"].Single());
            Assert.Equal("is required for a manual measure: say where its values come from.", manual["DataSourceNote"].Single());
            Assert.Equal("must be HigherIsBetter for a target of ≥.", manual["Direction"].Single());
            Assert.Contains("must be between 0 and 100 for a percentage.", manual["AmberThreshold"]);
            var lower = await ErrorsAsync(() => measures.RunAsync(null, new MeasureInput(strategic, "Detect", MeasureSource.Computed, TargetComparison.LessThan, 1,
                MeasureDirection.LowerIsBetter, MeasureUnit.Hours, "incidents.critical-detect-max-hours", AmberThreshold: 0.5m)));
            Assert.Equal("must lie on the bad side of the target: above 1 h when lower is better.", lower["AmberThreshold"].Single());

            // A valid measure goes last on its objective; the objective numbers are OBJ-01, OBJ-02.
            var first = await measures.RunAsync(null, new MeasureInput(strategic, "Overdue actions", MeasureSource.Computed, TargetComparison.EqualTo, 0,
                MeasureDirection.LowerIsBetter, MeasureUnit.Count, "actions.overdue", AmberThreshold: 2));
            var second = await measures.RunAsync(null, new MeasureInput(strategic, "Survey", MeasureSource.Manual, TargetComparison.AtLeast, 4.2m,
                MeasureDirection.HigherIsBetter, MeasureUnit.Number, DataSourceNote: "Quarterly survey"));
            var db = s.GetRequiredService<AttestDbContext>();
            Assert.Equal([1, 2], await db.Measures.Where(m => m.Id == first || m.Id == second).OrderBy(m => m.Position).Select(m => m.Position).ToListAsync());
            Assert.Equal(["OBJ-01", "OBJ-02"], await db.Objectives.OrderBy(o => o.Reference).Select(o => o.Reference).ToListAsync());
            Assert.Equal(2, await db.ObjectiveFrameworks.CountAsync(f => f.ObjectiveId == strategic));
        });
    }

    [Fact]
    public async Task Measurements_NeverChange_AndManualValuesNeedANoteAndTheRightPerson()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var seeded = await ObjectiveSeeds.AddObjectivesAsync(app, organization);

        // A stored value is neither changed nor deleted.
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var stored = await db.Measurements.FirstAsync(m => m.MeasureId == seeded.ManualMeasureId);
            stored.Value = 5;
            await Assert.ThrowsAsync<ImmutableRecordChangeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Measurements.Remove(await db.Measurements.FirstAsync(m => m.MeasureId == seeded.ComputedMeasureId));
            await Assert.ThrowsAsync<ImmutableRecordChangeException>(() => db.SaveChangesAsync());
        });

        // A manual value needs a value and a note; a computed measure takes none by hand.
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var record = s.GetRequiredService<RecordManualMeasurement>();
            var missing = await ErrorsAsync(() => record.RunAsync(seeded.ManualMeasureId, new ManualMeasurementInput(null, " ", PeriodEnd: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2))));
            Assert.Equal(("is required.", "is required.", "cannot be in the future."), (missing["Value"].Single(), missing["Note"].Single(), missing["PeriodEnd"].Single()));
            var computed = await ErrorsAsync(() => record.RunAsync(seeded.ComputedMeasureId, new ManualMeasurementInput(1, "By hand")));
            Assert.Equal("is a computed measure: its values are taken by snapshots, not entered.", computed["MeasureId"].Single());
        });

        // The objective's owner and co-owners, the measure's owner and Managers may enter values; an Auditor or another Contributor may not.
        async Task<bool> MayRecordAsync(OrganizationRole role, Guid? user) => await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, role);
            if (user is { } id) db.Acting.IdentifyUser(id, "someone", Attest.Audit.AuditChannel.Ui);
            return await ObjectiveRules.MayRecordAsync(db, seeded.ManualMeasureId);
        });
        Assert.True(await MayRecordAsync(OrganizationRole.Manager, organization[OrganizationRole.Manager].UserId));
        Assert.True(await MayRecordAsync(OrganizationRole.Contributor, organization[OrganizationRole.Admin].UserId)); // a co-owner, whatever the role
        Assert.False(await MayRecordAsync(OrganizationRole.Contributor, organization[OrganizationRole.Contributor].UserId));
        Assert.False(await MayRecordAsync(OrganizationRole.Auditor, organization[OrganizationRole.Auditor].UserId));
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Employee);
            db.Acting.IdentifyUser(organization[OrganizationRole.Employee].UserId, "employee", Attest.Audit.AuditChannel.Ui);
            var refused = await ErrorsAsync(() => s.GetRequiredService<RecordManualMeasurement>().RunAsync(seeded.ManualMeasureId, new ManualMeasurementInput(4, "Mine")));
            Assert.Equal("only the measure's owner, the objective's owners or a Manager may enter its values.", refused["MeasureId"].Single());
        });
    }
}
