using Attest.Context;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Context;

/// <summary>Adds, edits or removes an interested party. Contributors edit those they own; everyone who reads sees them.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class PartyModel(AttestDbContext db, IAuthorizationService authorization, SaveInterestedParty save, RemoveContextRecord remove, ActingContext acting)
    : OwnedRecordPage<InterestedParty>(db, authorization)
{
    public sealed class PartyForm
    {
        public string? Name { get; set; }
        public PartyKind Kind { get; set; } = PartyKind.External;
        public ManagementSystem Concerns { get; set; }
        public string? Requirements { get; set; }
        public string? HowAddressed { get; set; }
        public Guid? OwnerId { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public PartyForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            Input.OwnerId = acting.UserId;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } party) return NotFound();
            Fill(party);
            CanEdit = await MayEditAsync(party);
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
            () => save.RunAsync(id, new InterestedPartyInput(Input.Name ?? "", Input.Kind, Input.Concerns, Input.Requirements, Input.HowAddressed, Input.OwnerId, Input.Version), HttpContext.RequestAborted),
            $"'{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var party = found!;
        var id = party.Id;
        Fill(party);
        return await SaveAsync(() => remove.RunAsync<InterestedParty>(id, version, HttpContext.RequestAborted), $"'{party.Name}' has been removed.",
            async () => { if (await FindAsync(id) is { } current) Fill(current); });
    }

    private void Fill(InterestedParty party) => Input = new PartyForm
    {
        Name = party.Name, Kind = party.Kind, Concerns = party.Concerns, Requirements = party.Requirements,
        HowAddressed = party.HowAddressed, OwnerId = party.OwnerId, Version = party.Version,
    };
}
