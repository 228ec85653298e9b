using System.IO.Compression;
using Attest.AuditPacks;
using Attest.Organizations;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.AuditPacks;

/// <summary>
/// An organization whose records straddle a day: each kind of record once before it (backdated the way time would have put it there) and once
/// after it, so a pack as at that day must hold the first and not the second.
/// </summary>
public static class AuditPackSeeds
{
    public sealed record SeededPack(DateOnly AsAt, string SoaBefore, string SoaAfter, string PolicyBeforeMarkdown, string PolicyAfterMarkdown,
        string RiskBefore, string RiskAfter, string NcBefore, string NcAfter, string Evidence, string EvidenceSha256);

    public static async Task<SeededPack> AddRecordsAroundAsync(TestApp app, TestOrganization organization)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var asAt = today.AddDays(-1);
        var earlier = DateTimeOffset.UtcNow.AddDays(-10);
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var evidence = await app.AddEvidenceAsync(organization, control);
        var document = await app.AddPublishedDocumentAsync(organization, "Access Control Policy", redraft: true);
        var asset = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<Attest.Assets.SaveAsset>()
            .RunAsync(null, new Attest.Assets.AssetInput("Laptop fleet", Attest.Assets.AssetType.Hardware)));
        var riskBefore = await app.AddRiskAsync(organization, control, asset);
        var riskAfter = await app.AddRiskAsync(organization, control, asset);
        var ncBefore = await app.AddNonconformityAsync(organization, "Reviews done late", raisedOn: today.AddDays(-40));
        var ncAfter = await app.AddNonconformityAsync(organization, "Raised today", raisedOn: today);

        // An employee accepts 1.0 before 1.1 replaces it (today); 1.0 and the SoA's first version are backdated ten days.
        await app.AsAsync(organization, OrganizationRole.Employee, async (s, _) =>
        {
            await s.GetRequiredService<Attest.Policies.RecordDocumentOpened>().RunAsync(document.Id, document.PublishedVersionId);
            await s.GetRequiredService<Attest.Policies.AcceptDocumentVersion>().RunAsync(document.Id, document.PublishedVersionId);
        });
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var version = await db.Documents.Where(d => d.Id == document.Id).Select(d => d.Version).SingleAsync();
            await s.GetRequiredService<Attest.Policies.SubmitDocumentForReview>().RunAsync(document.Id, version);
            var manager = organization[OrganizationRole.Manager];
            using (db.Acting.ActAs(manager.UserId, manager.Email, Attest.Audit.AuditChannel.Ui))
            {
                await s.GetRequiredService<Attest.Policies.DecideDocumentApproval>().RunAsync(document.Id, Attest.Policies.ApprovalDecision.Approved, null);
            }
            version = await db.Documents.Where(d => d.Id == document.Id).Select(d => d.Version).SingleAsync();
            await s.GetRequiredService<Attest.Policies.PublishDocumentVersion>().RunAsync(document.Id, null, version);
            await s.GetRequiredService<Attest.Soa.ApproveSoa>().RunAsync("iso27001-2022", false, null);
            await s.GetRequiredService<Attest.Soa.ApproveSoa>().RunAsync("iso27001-2022", false, null);
        });
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await db.DocumentVersions.Where(v => v.Id == document.PublishedVersionId).ExecuteUpdateAsync(u => u.SetProperty(v => v.PublishedAt, earlier));
            await db.DocumentAcceptances.Where(a => a.VersionId == document.PublishedVersionId).ExecuteUpdateAsync(u => u.SetProperty(a => a.AcceptedAt, earlier.AddDays(2)));
            await db.SoaVersions.Where(v => v.Major == 1 && v.Minor == 0).ExecuteUpdateAsync(u => u.SetProperty(v => v.ApprovedAt, earlier));
            await db.Risks.Where(r => r.Id == riskBefore.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.IdentifiedOn, today.AddDays(-10)));
            await db.EvidenceVersions.Where(v => v.EvidenceId == evidence.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.CollectedOn, today.AddDays(-10)));
        });
        var policy = await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Id == document.Id).Select(d => d.Reference).SingleAsync());
        return await app.WithCoreAsync(organization.Id, async (_, db) => new SeededPack(
            asAt, "soa/soa-iso27001-2022-1.0.csv", "soa/soa-iso27001-2022-1.1.csv",
            "policies/" + Attest.Policies.PolicyExport.FileName(policy, "Access Control Policy", "1.0", "md"),
            "policies/" + Attest.Policies.PolicyExport.FileName(policy, "Access Control Policy", "1.1", "md"),
            await db.Risks.Where(r => r.Id == riskBefore.Id).Select(r => r.Reference).SingleAsync(),
            await db.Risks.Where(r => r.Id == riskAfter.Id).Select(r => r.Reference).SingleAsync(),
            await db.Nonconformities.Where(n => n.Id == ncBefore).Select(n => n.Reference).SingleAsync(),
            await db.Nonconformities.Where(n => n.Id == ncAfter).Select(n => n.Reference).SingleAsync(),
            await db.EvidenceItems.Where(e => e.Id == evidence.Id).Select(e => e.Reference).SingleAsync(),
            await db.EvidenceFiles.Where(f => f.Id == evidence.FileId).Select(f => f.Sha256).SingleAsync()));
    }

    /// <summary>Builds the organization's pack as at <paramref name="asAt"/>, acting as its Manager.</summary>
    public static async Task<(byte[] Zip, AuditPackResult Result)> ExportAsync(TestApp app, TestOrganization organization, DateOnly asAt)
    {
        using var buffer = new MemoryStream();
        AuditPackResult? result = null;
        await app.AsAsync(organization, OrganizationRole.Manager, async (s, _) => result = await s.GetRequiredService<BuildAuditPack>().RunAsync(asAt, buffer));
        return (buffer.ToArray(), result!);
    }

    /// <summary>The pack rewritten by <paramref name="change"/>, which may add, remove or replace entries.</summary>
    public static byte[] Rewrite(byte[] zip, Action<Dictionary<string, byte[]>> change)
    {
        var files = Read(zip);
        change(files);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
