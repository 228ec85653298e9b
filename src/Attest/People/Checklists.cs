using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

public sealed record ChecklistTemplateItemInput(string Title, int DueOffsetDays = 0, string? Responsible = null, bool VerifiesAccessRevoked = false);

public sealed record ChecklistTemplateInput(string Name, ChecklistKind Kind, PersonType? PersonType, IReadOnlyList<ChecklistTemplateItemInput> Items, int Version = 0);

/// <summary>How checklists follow a person: which template applies, copying it, and moving due dates when the dates move.</summary>
public static class Checklists
{
    /// <summary>A new person whose start or last day lies further back than this gets no checklist by itself (an import of long-standing staff).</summary>
    public const int AutomaticWindowDays = 30;

    /// <summary>The template for a person: the one for their type, else the one for every type; null when there is neither.</summary>
    public static async Task<ChecklistTemplate?> TemplateForAsync(AttestDbContext db, ChecklistKind kind, PersonType type, CancellationToken cancellationToken) =>
        await db.ChecklistTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && (t.PersonType == type || t.PersonType == null))
            .OrderBy(t => t.PersonType == null)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Copies <paramref name="template"/> into a new checklist of the person, counting due dates from <paramref name="anchor"/>. Nothing is saved.</summary>
    internal static async Task<PersonChecklist> AddAsync(AttestDbContext db, Guid personId, ChecklistTemplate template, DateOnly anchor, CancellationToken cancellationToken)
    {
        var items = await db.ChecklistTemplateItems.AsNoTracking().Where(i => i.TemplateId == template.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var checklist = new PersonChecklist { PersonId = personId, TemplateId = template.Id, Kind = template.Kind, Name = template.Name, AnchorDate = anchor };
        db.PersonChecklists.Add(checklist);
        foreach (var item in items)
        {
            db.PersonChecklistItems.Add(new PersonChecklistItem
            {
                ChecklistId = checklist.Id, Position = item.Position, Title = item.Title, Responsible = item.Responsible, DueOn = anchor.AddDays(item.DueOffsetDays),
                VerifiesAccessRevoked = item.VerifiesAccessRevoked,
            });
        }
        return checklist;
    }

    /// <summary>
    /// Keeps a person's checklists in step with their dates (nothing saved): a new joiner gets onboarding, a last day set starts
    /// offboarding, and moved dates move the due dates of the items still open.
    /// </summary>
    internal static async Task FollowDatesAsync(AttestDbContext db, Person person, DateOnly? previousStart, DateOnly? previousEnd, bool isNew, CancellationToken cancellationToken)
    {
        var today = PersonRules.Today(db);
        var existing = isNew ? [] : await db.PersonChecklists.Where(c => c.PersonId == person.Id).ToListAsync(cancellationToken);
        await FollowAsync(ChecklistKind.Onboarding, person.StartDate, previousStart);
        await FollowAsync(ChecklistKind.Offboarding, person.EndDate, previousEnd);

        async Task FollowAsync(ChecklistKind kind, DateOnly? anchor, DateOnly? previous)
        {
            if (anchor is not { } day) return;
            var current = existing.FirstOrDefault(c => c.Kind == kind) ?? db.PersonChecklists.Local.FirstOrDefault(c => c.PersonId == person.Id && c.Kind == kind);
            if (current is not null)
            {
                if (current.AnchorDate != day && current.CompletedAt is null) await MoveAsync(db, current, day, cancellationToken);
                return;
            }
            // Onboarding is for joiners; a person entered long after they started is not one.
            if (kind == ChecklistKind.Onboarding && (!isNew || day < today.AddDays(-AutomaticWindowDays))) return;
            // An unchanged last day is not a new leaver (a historic one saved again, say); a changed or new one is.
            if (kind == ChecklistKind.Offboarding && previous == day) return;
            if (kind == ChecklistKind.Offboarding && isNew && day < today.AddDays(-AutomaticWindowDays)) return;
            if (await TemplateForAsync(db, kind, person.Type, cancellationToken) is { } template) await AddAsync(db, person.Id, template, day, cancellationToken);
        }
    }

    private static async Task MoveAsync(AttestDbContext db, PersonChecklist checklist, DateOnly anchor, CancellationToken cancellationToken)
    {
        var shift = anchor.DayNumber - checklist.AnchorDate.DayNumber;
        checklist.AnchorDate = anchor;
        foreach (var item in await db.PersonChecklistItems.Where(i => i.ChecklistId == checklist.Id && i.CompletedAt == null).ToListAsync(cancellationToken))
        {
            item.DueOn = item.DueOn.AddDays(shift);
        }
    }

    /// <summary>The access a person still holds: active grants matched to them, with the system's name.</summary>
    public static async Task<List<HeldAccess>> HeldAccessAsync(AttestDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await (from g in db.AccessGrants.AsNoTracking()
               join s in db.AccessSystems on g.SystemId equals s.Id
               where g.PersonId == personId && g.RemovedOn == null
               orderby s.Name, g.Account, g.Entitlement
               select new HeldAccess(g.Id, s.Id, s.Name, g.Account, g.Entitlement, g.Privileged)).ToListAsync(cancellationToken);
}

public sealed record HeldAccess(Guid GrantId, Guid SystemId, string System, string Account, string Entitlement, bool Privileged);

/// <summary>Creates or updates a checklist template with its items (the items given replace the template's items).</summary>
public sealed class SaveChecklistTemplate(AttestDbContext db)
{
    public const int MaxItems = 60;

    public async Task<Guid> RunAsync(Guid? id, ChecklistTemplateInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200).Defined(nameof(input.Kind), input.Kind);
        if (input.PersonType is { } type) validation.Defined(nameof(input.PersonType), type);
        var items = (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Title)).ToList();
        if (items.Count == 0) validation.Add(nameof(input.Items), "a checklist needs at least one item.");
        if (items.Count > MaxItems) validation.Add(nameof(input.Items), $"at most {MaxItems} items.");
        for (var i = 0; i < items.Count; i++)
        {
            validation.MaxLength($"Items[{i}].Title", items[i].Title.Trim(), 300).MaxLength($"Items[{i}].Responsible", items[i].Responsible?.Trim(), 100);
            if (items[i].DueOffsetDays is < -365 or > 365) validation.Add($"Items[{i}].DueOffsetDays", "must be between -365 and 365 days.");
        }
        if (input.Kind == ChecklistKind.Onboarding && items.Any(i => i.VerifiesAccessRevoked))
        {
            validation.Add(nameof(input.Items), "\"verifies access revoked\" belongs on offboarding checklists.");
        }
        ChecklistTemplate? template = null;
        if (id is not null) template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Checklist template", id);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.ChecklistTemplates.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another template is already called '{name}'.");
        }
        if (await db.ChecklistTemplates.AnyAsync(t => t.Kind == input.Kind && t.PersonType == input.PersonType && t.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.PersonType), $"there is already an {input.Kind.ToString().ToLowerInvariant()} template for {(input.PersonType is { } t ? PeopleLabels.Plural(t) : "every type of person")}; edit that one.");
        }
        validation.ThrowIfInvalid();

        if (template is null)
        {
            template = new ChecklistTemplate { Name = name };
            db.ChecklistTemplates.Add(template);
        }
        else
        {
            db.Entry(template).Property(t => t.Version).OriginalValue = input.Version;
            db.ChecklistTemplateItems.RemoveRange(await db.ChecklistTemplateItems.Where(i => i.TemplateId == template.Id).ToListAsync(cancellationToken));
        }
        template.Name = name;
        template.Kind = input.Kind;
        template.PersonType = input.PersonType;
        // The template's own row changes with its items, so the audit trail and the version show every edit.
        template.UpdatedAt = Instant.Now(db.Clock);
        for (var i = 0; i < items.Count; i++)
        {
            db.ChecklistTemplateItems.Add(new ChecklistTemplateItem
            {
                TemplateId = template.Id, Position = i + 1, Title = items[i].Title.Trim(), DueOffsetDays = items[i].DueOffsetDays,
                Responsible = items[i].Responsible?.Trim() ?? "", VerifiesAccessRevoked = items[i].VerifiesAccessRevoked,
            });
        }
        await db.SaveAsync("checklist template", cancellationToken);
        return template.Id;
    }
}

/// <summary>Removes a template; checklists already started from it keep their items.</summary>
public sealed class RemoveChecklistTemplate(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Checklist template", id);
        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        db.ChecklistTemplates.Remove(template);
        await db.SaveAsync("checklist template", cancellationToken);
    }
}

/// <summary>
/// Adds the ready-made templates the organization does not have yet: onboarding for everyone, onboarding for third parties, and
/// offboarding for everyone (whose "All access revoked" item checks the access register). Returns how many were added.
/// </summary>
public sealed class CreateDefaultChecklistTemplates(AttestDbContext db)
{
    public static readonly IReadOnlyList<ChecklistTemplateInput> Defaults =
    [
        new("Onboarding", ChecklistKind.Onboarding, null,
        [
            new("Background screening completed (A.6.1)", -7, "HR"),
            new("Confidentiality or non-disclosure terms signed (A.6.2, A.6.6)", -3, "HR"),
            new("Accounts created with the access the role needs, nothing more (A.5.15, A.5.18)", 0, "IT"),
            new("Equipment issued and recorded in the asset inventory (A.5.9)", 0, "IT"),
            new("Security awareness training assigned (A.6.3)", 1, "Security"),
            new("Information security policies read and acknowledged (A.5.1, A.5.10)", 7, "Manager"),
            new("Role responsibilities and how to report security events explained (A.5.2, A.6.8)", 7, "Manager"),
        ]),
        new("Third-party onboarding", ChecklistKind.Onboarding, PersonType.ThirdParty,
        [
            new("Agreement with information security clauses in place (A.5.20)", -7, "Procurement"),
            new("Non-disclosure agreement signed (A.6.6)", -3, "Legal"),
            new("Sponsor named and access end date set", -1, "Manager"),
            new("Accounts created, limited to the engagement (A.5.15, A.5.18)", 0, "IT"),
            new("Security rules for the engagement briefed and acknowledged (A.5.10)", 0, "Manager"),
        ]),
        new("Offboarding", ChecklistKind.Offboarding, null,
        [
            new("Leaving date confirmed to IT and the system owners (A.6.5)", -5, "HR"),
            new("Work, data and documents handed over", -1, "Manager"),
            new("Equipment, access cards and keys returned (A.5.11)", 0, "Manager"),
            new("All access revoked in every system (A.5.18, A.8.2)", 0, "IT", VerifiesAccessRevoked: true),
            new("Reminded of confidentiality obligations that continue after leaving (A.6.5, A.6.6)", 0, "HR"),
            new("Shared credentials and secrets the person knew rotated (A.5.17)", 2, "Security"),
        ]),
    ];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.ChecklistTemplates.AsNoTracking().Select(t => new { t.Name, t.Kind, t.PersonType }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var template in Defaults)
        {
            if (existing.Any(e => e.Name == template.Name || (e.Kind == template.Kind && e.PersonType == template.PersonType))) continue;
            var record = new ChecklistTemplate { Name = template.Name, Kind = template.Kind, PersonType = template.PersonType };
            db.ChecklistTemplates.Add(record);
            for (var i = 0; i < template.Items.Count; i++)
            {
                var item = template.Items[i];
                db.ChecklistTemplateItems.Add(new ChecklistTemplateItem
                {
                    TemplateId = record.Id, Position = i + 1, Title = item.Title, DueOffsetDays = item.DueOffsetDays, Responsible = item.Responsible ?? "",
                    VerifiesAccessRevoked = item.VerifiesAccessRevoked,
                });
            }
            added++;
        }
        if (added > 0) await db.SaveAsync("checklist template", cancellationToken);
        return added;
    }
}

/// <summary>
/// Starts a person's onboarding or offboarding checklist from the template for their type (else the one for everyone), due dates
/// counted from their start date or last day. A person has at most one checklist of each kind.
/// </summary>
public sealed class StartPersonChecklist(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid personId, ChecklistKind kind, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new RecordNotFoundException("Person", personId);
        var validation = new Validation().Defined("Kind", kind);
        validation.ThrowIfInvalid();
        var anchor = kind == ChecklistKind.Onboarding ? person.StartDate : person.EndDate;
        if (anchor is null)
        {
            validation.Add(kind == ChecklistKind.Onboarding ? "StartDate" : "EndDate",
                kind == ChecklistKind.Onboarding ? $"set {person.Name}'s start date first: the due dates count from it." : $"set {person.Name}'s last day first: the due dates count from it.");
        }
        if (await db.PersonChecklists.AnyAsync(c => c.PersonId == personId && c.Kind == kind, cancellationToken))
        {
            validation.Add("Kind", $"{person.Name} already has an {kind.ToString().ToLowerInvariant()} checklist.");
        }
        var template = await Checklists.TemplateForAsync(db, kind, person.Type, cancellationToken);
        if (template is null) validation.Add("Template", $"there is no {kind.ToString().ToLowerInvariant()} template yet: create the default templates or one of your own under People → Checklist templates.");
        validation.ThrowIfInvalid();
        var checklist = await Checklists.AddAsync(db, personId, template!, anchor!.Value, cancellationToken);
        await db.SaveAsync("checklist", cancellationToken);
        return checklist.Id;
    }
}

/// <summary>Removes a checklist started by mistake, with its items; the audit trail keeps what it held.</summary>
public sealed class RemovePersonChecklist(AttestDbContext db)
{
    public async Task RunAsync(Guid checklistId, int version, CancellationToken cancellationToken = default)
    {
        var checklist = await db.PersonChecklists.FirstOrDefaultAsync(c => c.Id == checklistId, cancellationToken) ?? throw new RecordNotFoundException("Checklist", checklistId);
        db.Entry(checklist).Property(c => c.Version).OriginalValue = version;
        db.PersonChecklistItems.RemoveRange(await db.PersonChecklistItems.Where(i => i.ChecklistId == checklistId).ToListAsync(cancellationToken));
        db.PersonChecklists.Remove(checklist);
        await db.SaveAsync("checklist", cancellationToken);
    }
}

/// <summary>
/// Ticks (or un-ticks) a checklist item, recording who and when with an optional note. An item that verifies access revoked is
/// refused while the person still holds access in any system, naming the systems and accounts. The checklist is complete once
/// every item is ticked.
/// </summary>
public sealed class TickChecklistItem(AttestDbContext db)
{
    public async Task RunAsync(Guid itemId, bool done, string? note, int version, CancellationToken cancellationToken = default)
    {
        new Validation().MaxLength("Note", note?.Trim(), 2000).ThrowIfInvalid();
        var item = await db.PersonChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw new RecordNotFoundException("Checklist item", itemId);
        var checklist = await db.PersonChecklists.FirstAsync(c => c.Id == item.ChecklistId, cancellationToken);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        if (done && item.VerifiesAccessRevoked)
        {
            var held = await Checklists.HeldAccessAsync(db, checklist.PersonId, cancellationToken);
            if (held.Count > 0)
            {
                var shown = held.Take(20).Select(h => $"{h.System} ({h.Account}{(h.Entitlement.Length > 0 ? ", " + h.Entitlement : "")})");
                throw ValidationFailedException.For("Item",
                    $"'{item.Title}' cannot be ticked: the person still holds access in {held.Count} place{(held.Count == 1 ? "" : "s")}: {string.Join("; ", shown)}{(held.Count > 20 ? "; …" : "")}. Remove it in those systems and reload their accounts first.");
            }
        }
        var now = Instant.Now(db.Clock);
        if (done)
        {
            if (item.CompletedAt is null)
            {
                item.CompletedAt = now;
                item.CompletedBy = db.Acting.Actor;
            }
        }
        else
        {
            item.CompletedAt = null;
            item.CompletedBy = "";
        }
        if (note is not null) item.Notes = note.Trim();
        var othersOpen = await db.PersonChecklistItems.AnyAsync(i => i.ChecklistId == checklist.Id && i.Id != item.Id && i.CompletedAt == null, cancellationToken);
        var complete = done && !othersOpen;
        if (complete && checklist.CompletedAt is null) checklist.CompletedAt = now;
        if (!complete && checklist.CompletedAt is not null) checklist.CompletedAt = null;
        await db.SaveAsync("checklist item", cancellationToken);
    }
}

/// <summary>How people's words for the register's choices read.</summary>
public static class PeopleLabels
{
    public static string Of(PersonType type) => type switch
    {
        PersonType.Employee => "Employee",
        PersonType.Contractor => "Contractor",
        PersonType.ThirdParty => "Third party",
        _ => type.ToString(),
    };

    public static string Plural(PersonType type) => type switch
    {
        PersonType.Employee => "employees",
        PersonType.Contractor => "contractors",
        PersonType.ThirdParty => "third parties",
        _ => type.ToString(),
    };

    public static string Of(ScreeningStatus status) => status switch
    {
        ScreeningStatus.NotStarted => "Not started",
        ScreeningStatus.InProgress => "In progress",
        ScreeningStatus.Passed => "Passed",
        ScreeningStatus.Failed => "Failed",
        ScreeningStatus.NotRequired => "Not required",
        _ => status.ToString(),
    };

    public static string Of(PersonStatus status) => status switch
    {
        PersonStatus.Active => "Active",
        PersonStatus.Joining => "Joining",
        PersonStatus.Left => "Left",
        _ => status.ToString(),
    };
}
