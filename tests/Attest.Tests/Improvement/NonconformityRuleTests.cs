using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Improvement;

/// <summary>The nonconformity workflow's rules (clause 10.2): submitting, checking effectiveness, closing observations, reopening, updating.</summary>
public sealed class NonconformityRuleTests
{
    [Fact]
    public async Task Submitting_NeedsRootCauseCorrectionAndEveryActionFinished_NamingTheOpenOnes_OrTheCorrectionStatedSufficient()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var id = await app.AddNonconformityAsync(organization, "Backups not restored in tests");
        Task Submit(bool sufficient = false, string? note = null) => app.WithCoreAsync(organization.Id, async (s, _) =>
            await s.GetRequiredService<SubmitNonconformityForVerification>().RunAsync(id, sufficient, note, await app.NonconformityVersionAsync(organization, id)));

        var bare = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit());
        Assert.Equal("is required before the nonconformity is submitted for verification.", bare.Errors["RootCause"].Single());
        Assert.Equal("is required before the nonconformity is submitted for verification.", bare.Errors["Correction"].Single());
        Assert.Equal("at least one corrective action must be done, unless the correction alone is stated as sufficient.", bare.Errors["Actions"].Single());

        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<RecordRootCauseAndCorrection>().RunAsync(id, "No restore test was scheduled.",
            "Restored last night's backup.", await app.NonconformityVersionAsync(organization, id)));
        await app.AddActionAsync(organization, "Schedule quarterly restore tests", null, null, ActionStatus.Open, ActionSource.Nonconformity, id);
        await app.AddActionAsync(organization, "Write the restore runbook", null, null, ActionStatus.InProgress, ActionSource.Nonconformity, id);
        await app.AddActionAsync(organization, "Buy a tape library", null, null, ActionStatus.Cancelled, ActionSource.Nonconformity, id);
        var open = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit(true, "The restore proved it works."));
        Assert.Equal("CA-0001, CA-0002 are still open: finish or cancel them first.", Assert.Single(open.Errors).Value.Single());

        await app.WithCoreAsync(organization.Id, (_, db) => db.CorrectiveActions.ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ActionStatus.Cancelled)));
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit(true, " "));
        Assert.Equal("say why the correction alone is sufficient.", noReason.Errors["Note"].Single());
        await Submit(true, "One missed schedule; the restore itself worked.");
        var (status, correction) = await app.WithCoreAsync(organization.Id, async (_, db) =>
            await db.Nonconformities.Where(n => n.Id == id).Select(n => new Tuple<NonconformityStatus, string>(n.Status, n.Correction)).SingleAsync());
        Assert.Equal(NonconformityStatus.AwaitingVerification, status);
        Assert.EndsWith("**Correction alone is sufficient:** One missed schedule; the restore itself worked.", correction);

        // Observations are not verified.
        var observation = await app.AddNonconformityAsync(organization, "Screens unlocked in the office", FindingGrade.Observation);
        var notVerified = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SubmitNonconformityForVerification>().RunAsync(observation, true, "n/a", 1)));
        Assert.Contains("closed with a note, not verified", notVerified.Errors["Grade"].Single());
    }

    [Fact]
    public async Task TheEffectivenessCheck_IsAManagersNotTheOwners_AndNotEffectiveReopensKeepingTheCheck_WhileEffectiveCloses()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var id = await app.AddNonconformityAsync(organization, "Leavers kept VPN access", ownerId: manager.UserId, raisedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
        await app.ReadyForCheckAsync(organization, id);
        Task CheckAs(OrganizationRole role, bool effective, string? note, DateOnly? on = null) => app.AsAsync(organization, role, async (s, _) =>
            await s.GetRequiredService<RecordEffectivenessCheck>().RunAsync(id, on, effective, note, await app.NonconformityVersionAsync(organization, id)));

        var owner = await Assert.ThrowsAsync<ValidationFailedException>(() => CheckAs(OrganizationRole.Manager, true, "Looks fine."));
        Assert.Equal("the owner does not check their own nonconformity: another Manager or Admin does.", owner.Errors["CheckedBy"].Single());
        var contributor = await Assert.ThrowsAsync<ValidationFailedException>(() => CheckAs(OrganizationRole.Contributor, true, "Looks fine."));
        Assert.Equal("effectiveness is checked by a Manager or an Admin.", contributor.Errors["CheckedBy"].Single());
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => CheckAs(OrganizationRole.Admin, true, "", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2)));
        Assert.Equal(("is required.", "cannot be in the future."), (invalid.Errors["Note"].Single(), invalid.Errors["CheckedOn"].Single()));

        await CheckAs(OrganizationRole.Admin, false, "Two leavers still had VPN accounts last week.");
        var reopened = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, id));
        Assert.Equal((NonconformityStatus.Open, (DateOnly?)null), (reopened.Status, reopened.ClosedOn));
        Assert.Equal(("Two leavers still had VPN accounts last week.", false), (reopened.FailedCheck!.Note, reopened.FailedCheck.Effective));
        Assert.EndsWith($"<{organization[OrganizationRole.Admin].Email}>", reopened.Checks.Single().CheckedBy);
        var notAwaiting = await Assert.ThrowsAsync<ValidationFailedException>(() => CheckAs(OrganizationRole.Admin, true, "Again."));
        Assert.Equal("only a nonconformity awaiting verification is checked.", notAwaiting.Errors["Status"].Single());

        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SubmitNonconformityForVerification>().RunAsync(id, false, null,
            await app.NonconformityVersionAsync(organization, id)));
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await CheckAs(OrganizationRole.Admin, true, "VPN accounts now removed by the leaver checklist; none left.", yesterday);
        var closed = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, id));
        Assert.Equal((NonconformityStatus.Closed, (DateOnly?)yesterday, 2, 19), (closed.Status, closed.ClosedOn, closed.Checks.Count, closed.AgeDays));
        Assert.True(closed.Checks[0].Effective);
        Assert.Null(closed.FailedCheck);
        var stale = await Assert.ThrowsAsync<EditConflictException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ReopenNonconformity>().RunAsync(id, "Found another.", 1)));
        Assert.NotNull(stale);
    }

    [Fact]
    public async Task Observations_CloseWithANoteAndNoCheck_AManagerReopens_AndUpdatesFindRequirementsByCode()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var observation = await app.AddNonconformityAsync(organization, "Visitors not always escorted", FindingGrade.Observation);
        var minor = await app.AddNonconformityAsync(organization, "Visitor log incomplete");
        Task Close(Guid id, string? note) => app.WithCoreAsync(organization.Id, async (s, _) =>
            await s.GetRequiredService<CloseObservation>().RunAsync(id, note, await app.NonconformityVersionAsync(organization, id)));

        Assert.Equal("is required.", (await Assert.ThrowsAsync<ValidationFailedException>(() => Close(observation, " "))).Errors["Note"].Single());
        Assert.Equal("a major or minor nonconformity closes through its effectiveness check.",
            (await Assert.ThrowsAsync<ValidationFailedException>(() => Close(minor, "Done"))).Errors["Grade"].Single());
        await Close(observation, "Reception now escorts every visitor.");
        var closed = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, observation));
        Assert.Equal((NonconformityStatus.Closed, (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow), "Reception now escorts every visitor.", 0),
            (closed.Status, closed.ClosedOn, closed.ClosureNote, closed.Checks.Count));
        var edit = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<UpdateNonconformity>().RunAsync(observation, new NonconformityChange("Changed", FindingGrade.Minor, Version: closed.Version))));
        Assert.Contains("reopened before it changes", edit.Errors["Status"].Single());

        var byContributor = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AsAsync(organization, OrganizationRole.Contributor, async (s, _) =>
            await s.GetRequiredService<ReopenNonconformity>().RunAsync(observation, "Seen again.", closed.Version)));
        Assert.Equal("a Manager or an Admin reopens a nonconformity.", byContributor.Errors["Status"].Single());
        await app.AsAsync(organization, OrganizationRole.Manager, async (s, _) => await s.GetRequiredService<ReopenNonconformity>().RunAsync(observation, "Seen again on Monday.", closed.Version));
        var reopened = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, observation));
        Assert.Equal((NonconformityStatus.Open, (DateOnly?)null, "Reopened: Seen again on Monday."), (reopened.Status, reopened.ClosedOn, reopened.ClosureNote));

        // The requirement is found by framework key and code; a code that names nothing is refused by name.
        Task Update(string? key, string? code, int version) => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateNonconformity>().RunAsync(minor,
            new NonconformityChange("Visitor log incomplete on two days", FindingGrade.Major, "Two days missing.", FrameworkKey: key, RequirementCode: code,
                DueOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), ExternalReference: "Major NC 1", Version: version)));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Update("iso27001-2022", "A.99.1", 1));
        Assert.Equal("A.99.1 is not a requirement of iso27001-2022 here.", unknown.Errors["RequirementCode"].Single());
        Assert.Equal("is required with a requirement code.", (await Assert.ThrowsAsync<ValidationFailedException>(() => Update(null, "A.7.2", 1))).Errors["FrameworkKey"].Single());
        await Update("iso27001-2022", "A.7.2", 1);
        var updated = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, minor));
        Assert.Equal(("A.7.2", "iso27001-2022", FindingGrade.Major, "Major NC 1", 2), (updated.RequirementCode, updated.FrameworkKey, updated.Grade, updated.ExternalReference, updated.Version));
        await Assert.ThrowsAsync<EditConflictException>(() => Update("iso27001-2022", "A.7.2", 1));
    }
}
