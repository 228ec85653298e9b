using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>Everyone's own list: documents to read and accept, what they accepted (every version), and drafts awaiting their approval.</summary>
[Authorize(Policy = Access.Member)]
public sealed class DocumentsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public DocumentQueries.MyDocuments? Mine { get; private set; }
    public IReadOnlyList<AcknowledgementCampaign.AcceptanceLine> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Mine = await DocumentQueries.MineAsync(db, HttpContext.RequestAborted);
        History = acting.UserId is { } userId ? await AcknowledgementCampaign.HistoryOfAsync(db, userId, HttpContext.RequestAborted) : [];
    }
}
