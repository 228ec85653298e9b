using Attest.Context;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Context;

/// <summary>Adds, edits or removes an internal or external issue. Contributors edit those they own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class IssueModel(AttestDbContext db, IAuthorizationService authorization, SaveContextIssue save, RemoveContextRecord remove, ActingContext acting)
    : OwnedRecordPage<ContextIssue>(db, authorization)
{
    public sealed class IssueForm
    {
        public string? Title { get; set; }
        public PartyKind Kind { get; set; } = PartyKind.External;
        public IssueCategory Category { get; set; }
        public ManagementSystem Concerns { get; set; }
        public string? Description { get; set; }
        public string? Effect { get; set; }
        public Guid? OwnerId { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public IssueForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            Input.OwnerId = acting.UserId;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } issue) return NotFound();
            Fill(issue);
            CanEdit = await MayEditAsync(issue);
        }
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (!IsNew)
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
        }
        return await SaveAsync(
            () => save.RunAsync(id, new ContextIssueInput(Input.Title ?? "", Input.Kind, Input.Category, Input.Concerns, Input.Description, Input.Effect, Input.OwnerId, Input.Version), HttpContext.RequestAborted),
            $"'{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var issue = found!;
        var id = issue.Id;
        Fill(issue);
        return await SaveAsync(() => remove.RunAsync<ContextIssue>(id, version, HttpContext.RequestAborted), $"'{issue.Title}' has been removed.",
            async () => { if (await FindAsync(id) is { } current) Fill(current); });
    }

    private void Fill(ContextIssue issue) => Input = new IssueForm
    {
        Title = issue.Title, Kind = issue.Kind, Category = issue.Category, Concerns = issue.Concerns,
        Description = issue.Description, Effect = issue.Effect, OwnerId = issue.OwnerId, Version = issue.Version,
    };
}
