using System.Globalization;
using Attest.AuditPacks;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.AuditPack;

/// <summary>
/// The audit pack: export the records as at a day (a signed ZIP download), the exports made so far, the signing key's fingerprint, and a form
/// that verifies an uploaded pack. Readers use it — the external auditor takes exports away; Employees do not see it. Viewing never creates the key.
/// </summary>
[Authorize(Policy = Access.Reader)]
[RequestSizeLimit(Api.AuditPackApi.MaxPackBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.AuditPackApi.MaxPackBytes)]
public sealed class IndexModel(AttestDbContext db, BuildAuditPack build, PackSigningKeys keys) : PageModel
{
    /// <summary>yyyy-MM-dd; today in the organization's zone when the page opens.</summary>
    [BindProperty] public string? AsAt { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<string> Errors { get; } = [];
    public DateOnly Today { get; private set; }
    public string? Fingerprint { get; private set; }
    public IReadOnlyList<AuditPackExportRow> Exports { get; private set; } = [];
    public bool HasMore { get; private set; }
    public PackVerification? Verification { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        AsAt ??= Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostExportAsync()
    {
        AuditPackResult? result = null;
        using var buffer = new MemoryStream();
        if (await this.TryAsync(db, Errors, async () => result = await build.RunAsync(Api.AuditPackApi.ParseDay(AsAt), buffer, HttpContext.RequestAborted)))
        {
            return File(buffer.ToArray(), "application/zip", result!.FileName);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add("file: choose the audit pack (a ZIP file) to verify.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, HttpContext.RequestAborted);
            copy.Position = 0;
            Verification = await VerifyAuditPack.RunAsync(copy, keys, HttpContext.RequestAborted);
        }
        await LoadAsync();
        AsAt ??= Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var overview = await AuditPackExports.OverviewAsync(db, PageNumber, 50, cancellationToken);
        Fingerprint = overview.KeyFingerprint;
        Exports = overview.Exports;
        HasMore = overview.HasMore;
    }
}
