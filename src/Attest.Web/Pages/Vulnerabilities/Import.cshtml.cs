using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>
/// Imports a SARIF 2.1.0 or Trivy JSON report onto an asset, all or nothing; Contributors onto the assets they own. Like the other
/// imports (FileImportPage), but the page also needs the asset to choose, so it keeps its own handlers.
/// </summary>
[Authorize(Policy = Access.Editor)]
[RequestSizeLimit(ImportVulnerabilityScan.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportVulnerabilityScan.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db, ImportVulnerabilityScan import, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    public IReadOnlyList<Choice> Assets { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAssetsAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) Errors.Add("File: choose a SARIF or Trivy JSON file to import.");
        if (Asset is null) Errors.Add("AssetId: choose the asset the scan is about.");
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAssetsAsync();
            return Page();
        }
        ScanImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file!.OpenReadStream();
                result = await import.RunAsync(new ScanImportRequest(stream, file.FileName, Asset), HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported the {result!.Format} scan onto {result.AssetName}: {VulnerabilityText.Counts(result)}. Open now: {VulnerabilityText.Open(result.OpenOnAsset)}.";
            return Redirect($"/vulnerabilities?asset={result.AssetId}");
        }
        await LoadAssetsAsync();
        return Page();
    }

    private async Task LoadAssetsAsync()
    {
        var assets = db.Assets.AsNoTracking();
        if (acting.Role == Attest.Organizations.OrganizationRole.Contributor) assets = assets.Where(a => a.OwnerId == acting.UserId);
        // What scanners scan: software, services, hardware and AI systems, plus anything scanned before.
        Assets = await assets.Where(a => a.Type == Attest.Assets.AssetType.Software || a.Type == Attest.Assets.AssetType.Service || a.Type == Attest.Assets.AssetType.Hardware ||
                a.Type == Attest.Assets.AssetType.AiSystem || db.VulnerabilityScans.Any(s => s.AssetId == a.Id))
            .OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).Take(2000).ToListAsync(HttpContext.RequestAborted);
    }
}
