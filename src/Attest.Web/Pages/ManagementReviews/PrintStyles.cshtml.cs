using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>The print stylesheet of the printable review: a file, because the content security policy allows no inline styles.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class PrintStylesModel : PageModel
{
    private const string Css = """
        body.print { max-width: 60rem; margin: 1rem auto; }
        body.print table { width: 100%; border-collapse: collapse; }
        body.print th, body.print td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
        @media print {
          body.print { margin: 0; max-width: none; font-size: 10pt; color: #000; background: #fff; }
          body.print a { color: inherit; text-decoration: none; }
          body.print h2 { break-after: avoid; }
          body.print tr, body.print li { break-inside: avoid; }
          @page { margin: 15mm; }
        }
        """;

    public IActionResult OnGet() => Content(Css, "text/css; charset=utf-8");
}
