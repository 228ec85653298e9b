using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class VulnerabilitiesApi
{
    public sealed record SettingsView(int CriticalDays, int HighDays, int MediumDays, int LowDays, int Version);
    public sealed record SettingsResult(SettingsView Settings, int DueDatesMoved);
    public sealed record ScanPage(IReadOnlyList<ScanView> Rows, bool HasMore);

    public static void MapVulnerabilitiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/vulnerabilities", List).RequireAuthorization(Access.Reader)
            .WithSummary("Findings, most severe and soonest due first, 50 per page. Filters: asset=, status=Unresolved (default)|Open|InProgress|RiskAccepted|Fixed|FalsePositive|All, severity=Critical|High|Medium|Low, overdue=true, tool= (manual or a scanner's name), q= (rule, CVE, title, package), page=.");
        api.MapGet("/vulnerabilities/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One finding with its decisions and the scans that saw it.");
        api.MapPost("/vulnerabilities", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Records a manual finding (a pen test's): assetId, ruleId, title, severity, and optionally description (Markdown), location, cvssScore, ownerId, helpUrl. Contributors on the assets they own.");
        api.MapPost("/vulnerabilities/{id:guid}/triage", Triage).RequireAuthorization(Access.Editor)
            .WithSummary("A decision: status (Open, InProgress, RiskAccepted with riskAcceptanceId, Fixed, FalsePositive with reason), ownerId, reason, and the version you read. Contributors on findings or assets they own (else 403).");
        api.MapPost("/vulnerabilities/import", Import).RequireAuthorization(Access.Editor)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportVulnerabilityScan.MaxBytes + 1024 * 1024))
            .WithSummary("Imports a SARIF 2.1.0 or Trivy JSON report (the raw body, or the first file of a multipart form) onto ?asset= (id) or ?assetName= (created as Software when none has that name). All or nothing; errors name where in the file.");
        api.MapGet("/vulnerabilities/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Open, overdue and risk-accepted findings by severity, mean time to remediate (90 days, 12 months), fixed this month, critical open now.");
        api.MapGet("/vulnerabilities/scans", Scans).RequireAuthorization(Access.Reader).WithSummary("Scan imports newest first (?asset=, ?page=).");
        api.MapGet("/vulnerabilities/settings", Settings).RequireAuthorization(Access.Reader).WithSummary("Remediation SLA in days per severity.");
        api.MapPut("/vulnerabilities/settings", SaveSettings).RequireAuthorization(Access.Manager)
            .WithSummary("Saves the SLA days (critical ≤ high ≤ medium ≤ low); recomputeOpenDueDates=true moves the due dates of open findings too.");
    }

    private static async Task<Ok<FindingPage>> List(AttestDbContext db, Guid? asset, FindingStatusFilter? status, VulnerabilitySeverity? severity, bool? overdue, string? tool,
        string? q, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VulnerabilityQueries.PageAsync(db, new FindingFilter(asset, status ?? FindingStatusFilter.Unresolved, severity, overdue ?? false, tool, q),
            Math.Max(1, page ?? 1), cancellationToken));

    private static async Task<Ok<FindingDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VulnerabilityQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<FindingDetail>> Create(ManualFindingInput input, RecordManualFinding record, AttestDbContext db, ActingContext acting,
        CancellationToken cancellationToken)
    {
        var id = await record.RunAsync(input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/vulnerabilities/{id}", await VulnerabilityQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Triage(Guid id, TriageInput input, TriageFinding triage, AttestDbContext db, ActingContext acting,
        CancellationToken cancellationToken)
    {
        var found = await db.VulnerabilityFindings.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { f.OwnerId, AssetOwner = db.Assets.Where(a => a.Id == f.AssetId).Select(a => a.OwnerId).FirstOrDefault() }).FirstOrDefaultAsync(cancellationToken);
        if (found is null) return TypedResults.NotFound();
        if (!VulnerabilityRules.MayWork(acting, found.OwnerId, found.AssetOwner)) return TypedResults.Forbid();
        await triage.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ScanImportResult>> Import(HttpRequest request, Guid? asset, string? assetName, string? fileName, ImportVulnerabilityScan import,
        CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.FirstOrDefault() ?? throw ValidationFailedException.For("File", "the form has no file; send the report as a file part or as the raw body.");
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.RunAsync(new ScanImportRequest(stream, file.FileName, asset, assetName), cancellationToken));
        }
        return TypedResults.Ok(await import.RunAsync(new ScanImportRequest(request.Body, string.IsNullOrWhiteSpace(fileName) ? "upload.json" : Path.GetFileName(fileName), asset,
            assetName), cancellationToken));
    }

    private static async Task<Ok<VulnerabilityFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VulnerabilityQueries.FiguresAsync(db, cancellationToken));

    private static async Task<Ok<ScanPage>> Scans(AttestDbContext db, Guid? asset, int? page, CancellationToken cancellationToken)
    {
        var (rows, more) = await VulnerabilityQueries.ScansAsync(db, asset, Math.Max(1, page ?? 1), cancellationToken);
        return TypedResults.Ok(new ScanPage(rows, more));
    }

    private static async Task<Ok<SettingsView>> Settings(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await VulnerabilitySettingsQueries.LoadAsync(db, cancellationToken)));

    private static SettingsView View(VulnerabilitySettings s) => new(s.CriticalDays, s.HighDays, s.MediumDays, s.LowDays, s.Version);

    private static async Task<Ok<SettingsResult>> SaveSettings(VulnerabilitySettingsInput input, SaveVulnerabilitySettings save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var moved = await save.RunAsync(input, cancellationToken);
        return TypedResults.Ok(new SettingsResult(View(await VulnerabilitySettingsQueries.LoadAsync(db, cancellationToken)), moved));
    }
}
