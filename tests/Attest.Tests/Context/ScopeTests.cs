using Attest.Context;
using Attest.Data;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Context;

public sealed class ScopeTests
{
    internal static ScopeInput Scope(string statement, int version, params ScopeExclusionInput[] exclusions) =>
        new(statement, "All staff", "London and remote", "Service delivery", "Cloud platform", "Client data", "Model providers", exclusions, "note", version);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachSave_IsANewRevision_AndEarlierRevisionsStayReadableAsAtTheirDate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var first = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(
            Scope("First statement", 0, new ScopeExclusionInput("Personal devices", "Not used for business"))));
        var afterFirst = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.Scopes.Select(s => s.Version).SingleAsync());
        var second = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(Scope("Second statement", version)));

        var current = await app.WithCoreAsync(organization.Id, (_, db) => ScopeDocument.LoadAsync(db));
        var then = await app.WithCoreAsync(organization.Id, (_, db) => ScopeDocument.LoadAsync(db, afterFirst));
        var before = await app.WithCoreAsync(organization.Id, (_, db) => ScopeDocument.LoadAsync(db, afterFirst.AddDays(-1)));

        Assert.Equal((1, 2), (first, second));
        Assert.Equal("Second statement", current.Scope!.Statement);
        Assert.Empty(current.Scope.Exclusions);
        Assert.Equal("First statement", then.Scope!.Statement);
        Assert.Equal("Personal devices", Assert.Single(then.Scope.Exclusions).Item);
        Assert.Null(before.Scope);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnExclusionWithoutJustification_IsRejectedByName_AndNothingIsSaved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<UpdateScope>().RunAsync(Scope("Statement", 0, new ScopeExclusionInput("Client systems", " ")))));

        Assert.Contains("Exclusions[0].Justification", error.Errors.Keys);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.ScopeRevisions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoPeopleSavingTheSameVersion_TheSecondGetsAConflict_AndTheFirstSaveStands(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(Scope("Original", 0)));
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.Scopes.Select(s => s.Version).SingleAsync());

        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(Scope("Alice's edit", version)));
        await Assert.ThrowsAsync<EditConflictException>(() =>
            app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(Scope("Bob's edit", version))));

        var current = await app.WithCoreAsync(organization.Id, (_, db) => ScopeDocument.LoadAsync(db));
        Assert.Equal("Alice's edit", current.Scope!.Statement);
        Assert.Equal(2, current.Revision);
    }

    [Fact]
    public void TheMarkdownDocument_HasEverySectionAndTheExclusionsTable()
    {
        var document = new ScopeDocument("Acme", ScopeSnapshot.Of(new IsmsScope
        {
            Statement = "The ISMS of Acme", DataScope = "Client | data",
            Exclusions = [new ScopeExclusion { Item = "Public information", Justification = "Public by design", SortOrder = 0 }],
        }), 3, DateTimeOffset.Parse("2026-01-02T03:04:00Z"), "ciso@acme.example", 3, [], []);

        var markdown = document.ToMarkdown();

        Assert.StartsWith("# ISMS scope — Acme", markdown);
        Assert.Contains("Revision 3, recorded 2026-01-02 03:04 UTC by ciso@acme.example.", markdown);
        Assert.Contains("## Data scope\n\nClient | data", markdown);
        Assert.Contains("| Public information | Public by design |", markdown);
        Assert.Contains("## Geographical scope\n\n_Not stated._", markdown);
    }
}
