using Attest.Context;
using Attest.Data;
using Attest.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Context;

/// <summary>The scope document as a download: Markdown or PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format)
    {
        var document = await ScopeDocument.LoadAsync(db, null, HttpContext.RequestAborted);
        var stem = "isms-scope-" + Slug(document.OrganizationName);
        return format switch
        {
            "md" or null or "" => File(System.Text.Encoding.UTF8.GetBytes(document.ToMarkdown()), "text/markdown; charset=utf-8", stem + ".md"),
            "pdf" => File(PdfDocumentWriter.Write(document.ToPrintable(), clock.GetUtcNow()), "application/pdf", stem + ".pdf"),
            _ => BadRequest($"format: '{format}' is not supported; use md or pdf."),
        };
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
