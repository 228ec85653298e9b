using Attest.AiSystems;
using Attest.Assets;
using Attest.Controls;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.AiSystems;

public sealed class AiRegistryTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Coverage_CountsTheBaselineRequirementsMetByImplementedControlsAppliedToEachSystem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var access = await app.AddControlAsync(organization, "Agent access control", "A.5.15, A.8.2");
        var logging = await app.AddControlAsync(organization, "Agent logging", "A.8.15", ImplementationStatus.Planned);
        var coverage = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var classId = await s.GetRequiredService<SaveAiSystemClass>().RunAsync(null, "Client-facing agent", null, "Annex A 5.15, 8.2, 8.15");
            var save = s.GetRequiredService<SaveAiSystem>();
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Covered agent", AssetType.AiSystem), classId, ControlIds: [access, logging]));
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Bare agent", AssetType.AiSystem), classId));
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Unclassified agent", AssetType.AiSystem)));
            return await AiCoverage.RunAsync(db);
        });

        var covered = coverage.Rows.Single(r => r.Name == "Covered agent");
        Assert.Equal((3, 2), (covered.Required, covered.Implemented));
        Assert.Equal(["A.8.15"], covered.Gaps.Select(g => g.Code));
        Assert.Equal((3, 0), coverage.Rows.Where(r => r.Name == "Bare agent").Select(r => (r.Required, r.Implemented)).Single());
        Assert.Equal((3, 0, 1), (coverage.Systems, coverage.FullyCovered, coverage.WithoutClass));

        // Implementing the logging control closes the gap.
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var control = await db.Controls.SingleAsync(c => c.Id == logging);
            control.Status = ImplementationStatus.Implemented;
            await db.SaveChangesAsync();
        });
        var after = await app.WithCoreAsync(organization.Id, (_, db) => AiCoverage.RunAsync(db));
        Assert.True(after.Rows.Single(r => r.Name == "Covered agent").FullyCovered);
        Assert.Equal(1, after.FullyCovered);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approval_FreezesTheContent_AndReassessmentTriggersFire(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var seeded = await app.AddAiSystemAsync(organization);
        var manager = organization[OrganizationRole.Manager];

        // Approved 1.0: change the working copy; the frozen version keeps the approved text.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<EditImpactAssessmentContent>().SaveImpactAsync(seeded.AssessmentId, seeded.EntryId,
            new ImpactEntryInput(seeded.PartyId, ImpactDimension.Privacy, ImpactNature.Harm, "Rewritten after approval", 5, 5)));
        var frozen = await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.VersionAsync(db, seeded.AssessmentId, "1.0"));
        var working = await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.DetailAsync(db, seeded.AssessmentId));
        Assert.Equal("Client data in prompts", Assert.Single(frozen.Content.Impacts).Description);
        Assert.Equal("Rewritten after approval", Assert.Single(working.Content.Impacts).Description);
        Assert.Equal((AssessmentStatus.Draft, "1.0"), (working.Status, working.ApprovedNumber));
        Assert.Equal(1, (await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.FiguresAsync(db))).WithCurrentAssessment);

        // A new intended use is a trigger.
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var detail = await AiSystemQueries.DetailAsync(db, seeded.SystemId);
            await s.GetRequiredService<SaveAiSystem>().RunAsync(seeded.SystemId, new AiSystemInput(new AssetInput(detail.Asset.Name, AssetType.AiSystem,
                DependsOn: detail.Asset.DependsOn.Select(d => new DependencyInput(d.AssetId, d.Kind)).ToList()), detail.Record.ClassId, detail.Record.Purpose,
                "Now also advises consumers directly", ServiceCategory: ServiceCategory.Legal, ClientsServed: detail.Record.ClientsServed, Version: detail.Record.Version));
        });
        var due = await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.DetailAsync(db, seeded.AssessmentId));
        Assert.True(due.Due);
        Assert.Contains("its intended use changed", due.ReassessmentReason);
        var figures = await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.FiguresAsync(db));
        Assert.Equal((0, 1), (figures.WithCurrentAssessment, figures.AssessmentsDue));

        // Re-approving (as the named reviewer and approver) clears it and freezes 1.1.
        var contributor = organization[OrganizationRole.Contributor];
        var number = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var workflow = s.GetRequiredService<ImpactAssessmentWorkflow>();
            await workflow.SubmitAsync(seeded.AssessmentId, await db.ImpactAssessments.Where(a => a.Id == seeded.AssessmentId).Select(a => a.Version).SingleAsync());
            var stranger = await Assert.ThrowsAsync<ValidationFailedException>(() => workflow.ApproveAsync(seeded.AssessmentId));
            Assert.Contains("reviewer has not recorded", stranger.Message);
            using (db.Acting.ActAs(contributor.UserId, contributor.Email, Attest.Audit.AuditChannel.Ui)) await workflow.ReviewAsync(seeded.AssessmentId);
            var notApprover = await Assert.ThrowsAsync<ValidationFailedException>(() => workflow.ApproveAsync(seeded.AssessmentId));
            Assert.Contains("only the named approver", notApprover.Message);
            using (db.Acting.ActAs(manager.UserId, manager.Email, Attest.Audit.AuditChannel.Ui)) return await workflow.ApproveAsync(seeded.AssessmentId);
        });
        Assert.Equal("1.1", number);
        Assert.False((await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.DetailAsync(db, seeded.AssessmentId))).Due);
        Assert.Equal(1, (await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.FiguresAsync(db))).HighResidualImpacts);

        // A model's new version is a trigger for every system that uses it.
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var model = await db.Assets.SingleAsync(a => a.Type == AssetType.AiModel);
            await s.GetRequiredService<SaveAsset>().RunAsync(model.Id, new AssetInput(model.Name, AssetType.AiModel, Provider: model.Provider, VersionLabel: "2",
                Origin: model.Origin, Version: model.Version));
        });
        var again = await app.WithCoreAsync(organization.Id, (_, db) => ImpactAssessmentQueries.DetailAsync(db, seeded.AssessmentId));
        Assert.True(again.Due);
        Assert.Contains("version 1 → 2", again.ReassessmentReason);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_IsRefusedByName(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveAiSystem>().RunAsync(null,
            new AiSystemInput(new AssetInput("", AssetType.AiSystem, Confidentiality: 7), EuAiActCategory: EuAiActCategory.High, DisclaimerImplemented: true))));
        Assert.Equal(["Confidentiality", "DisclaimerImplemented", "DisclaimerWhere", "EuAiActReason", "Name"], error.Errors.Keys.Order());
        var baseline = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveAiSystemClass>().RunAsync(null, "Agents", null, "ISO 42001 Annex A 6.2.99")));
        Assert.Contains("ISO 42001 Annex A 6.2.99", baseline.Errors["Baseline"][0]);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.AiSystems.CountAsync()));
    }
}
