using System.Security.Cryptography;
using Attest.Audit;
using Attest.Demo;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoEvidenceTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoEvidence_HoldsAbout30Items_WithVersions_StoredFiles_AndStaleAndMissingControls(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var people = await LoadedDemo.LoginsAsync(app);
        // Whether or not the organization loader already ran it, running it again records nothing more.
        await app.WithCoreAsync(organizationId, (s, _) => ActivatorUtilities.CreateInstance<DemoEvidence>(s).RunAsync(people));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Check results come from the demo's checks (DemoChecksTests) and restore-test records from its exercises (DemoContinuityTests);
        // these are the collected items.
        var items = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceItems.AsNoTracking()
            .Where(e => e.Kind != EvidenceKind.CheckResult && !db.ContinuityExercises.Any(x => x.EvidenceItemId == e.Id)).OrderBy(e => e.Reference).ToListAsync());
        var versions = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceVersions.AsNoTracking().ToListAsync());
        var files = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceFiles.AsNoTracking().ToListAsync());
        var links = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceLinks.AsNoTracking().ToListAsync());
        var controls = await app.WithCoreAsync(organizationId, (_, db) => db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Id));
        var controlRequirements = await app.WithCoreAsync(organizationId, (_, db) => db.ControlRequirements.AsNoTracking().GroupBy(l => l.ControlId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var states = await app.WithCoreAsync(organizationId, (_, db) => EvidenceFreshness.ForControlsAsync(db));
        var expired = await app.WithCoreAsync(organizationId, (_, db) => EvidenceQueries.PageAsync(db, new EvidenceFilter(StaleOnly: true), 1, 50));
        var verification = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<VerifyAuditTrail>().RunAsync());

        // About thirty items of every kind a person records, each supporting at least one control, collected over the last year.
        Assert.InRange(items.Count, 28, 36);
        Assert.Equal(items.Count, items.Select(e => e.Reference).Distinct().Count());
        Assert.All(new[] { EvidenceKind.File, EvidenceKind.Link, EvidenceKind.Note }, k => Assert.Contains(items, e => e.Kind == k));
        Assert.True(items.Count(e => e.Kind == EvidenceKind.File) > items.Count / 2, "most evidence is files");
        Assert.All(items, e => Assert.Contains(links, l => l.EvidenceId == e.Id && l.Target == EvidenceTarget.Control));
        Assert.Contains(items, e => links.Count(l => l.EvidenceId == e.Id) == 2);
        Assert.All(items, e => Assert.InRange(e.CollectedOn, today.AddDays(-366), today));
        Assert.True(items.Select(e => e.CollectedOn.DayNumber / 30).Distinct().Count() >= 8, "collection dates spread over the year");
        Assert.All(items.Where(e => e.Kind == EvidenceKind.File), e => Assert.True(e.FileId is not null && e.FileName is not null, e.Reference));
        Assert.All(items.Where(e => e.Kind == EvidenceKind.Link), e => Assert.StartsWith("https://", e.Url));
        Assert.All(items.Where(e => e.Kind == EvidenceKind.Note), e => Assert.NotEmpty(e.Note));
        Assert.All(items, e => Assert.True(e.ValidUntil is null || e.ValidUntil >= e.CollectedOn, e.Reference));

        // The CISO records most evidence; the CTO records the evidence of the controls he owns.
        Assert.All(items, e => Assert.NotNull(e.OwnerId));
        Assert.True(items.Count(e => e.OwnerId == people[OrganizationRole.Manager]) > items.Count / 2, "the CISO owns most evidence");
        var ctoItems = items.Where(e => e.OwnerId == people[OrganizationRole.Contributor]).ToList();
        Assert.NotEmpty(ctoItems);
        Assert.All(ctoItems, e => Assert.Contains(links, l => l.EvidenceId == e.Id && controls[l.TargetId].OwnerId == people[OrganizationRole.Contributor]));
        Assert.All(versions.Where(v => ctoItems.Any(e => e.Id == v.EvidenceId)), v => Assert.Equal($"owner@{LoadDemoOrganization.EmailDomain}", v.CreatedBy));

        // Collected again: earlier versions are kept, numbered 1 … current, each with its own file and date.
        Assert.All(items, e => Assert.Equal(Enumerable.Range(1, e.CurrentVersion), versions.Where(v => v.EvidenceId == e.Id).Select(v => v.Number).Order()));
        var versioned = items.Where(e => e.CurrentVersion > 1).ToList();
        Assert.InRange(versioned.Count, 3, 8);
        Assert.Contains(versioned, e => e.CurrentVersion == 3);
        foreach (var item in versioned)
        {
            var history = versions.Where(v => v.EvidenceId == item.Id).OrderBy(v => v.Number).ToList();
            Assert.Equal((item.FileId, item.CollectedOn), (history[^1].FileId, history[^1].CollectedOn));
            Assert.Equal(history.Count, history.Select(v => v.FileId).Distinct().Count());
            Assert.True(history.Zip(history.Skip(1)).All(p => p.First.CollectedOn < p.Second.CollectedOn), item.Reference);
        }

        // Some evidence has run out.
        Assert.InRange(items.Count(e => e.ValidUntil < today), 3, 8);
        Assert.Equal(items.Where(e => e.ValidUntil < today).Select(e => e.Reference).Order(), expired.Rows.Select(r => r.Reference).Intersect(items.Select(e => e.Reference)).Order());

        // Required controls keep everything else about them; one has no evidence, two only expired evidence, the rest are current.
        var byReference = controls.Values.ToDictionary(c => c.Reference);
        var required = controls.Values.Where(c => c.EvidenceRequired).ToList();
        Assert.Equal(DemoEvidence.Required.Keys.Order(), required.Select(c => c.Reference).Order());
        Assert.All(required, c => Assert.Equal(DemoEvidence.Required[c.Reference], c.EvidenceFreshnessDays));
        Assert.All(required, c => Assert.True(controlRequirements.GetValueOrDefault(c.Id) > 0, $"{c.Reference} kept its requirements"));
        Assert.All(required, c => Assert.Equal((12, "demo"), (c.ReviewFrequencyMonths, c.Tags)));
        Assert.All(required, c => Assert.Equal(DemoControls.All.Single(d => d.Reference == c.Reference).Name, c.Name));
        Assert.Equal(people[OrganizationRole.Contributor], byReference["CTL-008"].OwnerId);
        Assert.Equal(EvidenceState.Missing, states[byReference[DemoEvidence.MissingEvidence].Id].State);
        Assert.All(DemoEvidence.StaleEvidence, r => Assert.Equal(EvidenceState.Stale, states[byReference[r].Id].State));
        Assert.Equal([DemoEvidence.MissingEvidence], states.Values.Where(s => s.State == EvidenceState.Missing).Select(s => controls[s.ControlId].Reference));
        Assert.Equal(DemoEvidence.StaleEvidence.Order(), states.Values.Where(s => s.State == EvidenceState.Stale).Select(s => controls[s.ControlId].Reference).Order());
        Assert.All(required.Where(c => c.Reference != DemoEvidence.MissingEvidence && !DemoEvidence.StaleEvidence.Contains(c.Reference)),
            c => Assert.Equal(EvidenceState.Fresh, states[c.Id].State));
        Assert.Contains(states.Values, s => s.State == EvidenceState.NotRequired);

        // Every file is stored once under its hash, and its stored content hashes to what was recorded.
        Assert.Equal(files.Count, files.Select(f => f.Sha256).Distinct().Count());
        Assert.Equal(files.Select(f => f.Id).Order(), versions.Where(v => v.FileId is not null).Select(v => v.FileId!.Value).Distinct().Order());
        Assert.Equal(["application/pdf", "image/png", "text/plain"], files.Select(f => f.ContentType).Distinct().Order());
        foreach (var file in files)
        {
            await using var content = await app.Services.GetRequiredService<IEvidenceStore>().OpenAsync(file.Sha256);
            Assert.NotNull(content);
            var bytes = await ReadAllAsync(content);
            Assert.Equal((file.Sha256, file.Size), (Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length));
        }
        Assert.Empty(Directory.Exists(Path.Combine(app.EvidenceFolder, "incoming")) ? Directory.GetFiles(Path.Combine(app.EvidenceFolder, "incoming")) : []);

        Assert.All(verification, v => Assert.True(v.IsIntact, v.Problem));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
