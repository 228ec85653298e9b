using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>An asset's open findings by severity, for its page (one grouped query); nothing when it has none.</summary>
public sealed class AssetVulnerabilitiesViewComponent(AttestDbContext db) : ViewComponent
{
    public sealed record Summary(Guid AssetId, SeverityCounts Open);

    public async Task<IViewComponentResult> InvokeAsync(Guid assetId) =>
        View("~/Pages/Vulnerabilities/_AssetVulnerabilities.cshtml", new Summary(assetId, await VulnerabilityQueries.OpenBySeverityAsync(db, assetId, HttpContext.RequestAborted)));
}
