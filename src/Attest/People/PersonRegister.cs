using System.Net.Mail;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

public sealed record PersonInput(
    string Name,
    string Email,
    PersonType Type = PersonType.Employee,
    string? Department = null,
    Guid? ManagerId = null,
    string? Role = null,
    string? Location = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    ScreeningStatus Screening = ScreeningStatus.NotStarted,
    DateOnly? ScreenedOn = null,
    DateOnly? ConfidentialitySignedOn = null,
    string? ConfidentialityTerms = null,
    /// <summary>The account the person signs in with; null links a member with the same e-mail, if there is one.</summary>
    Guid? UserId = null,
    bool Active = true,
    int Version = 0);

/// <summary>The rules every way into the register shares (form, API, import, SCIM), so they cannot disagree.</summary>
public static class PersonRules
{
    public static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Whether <paramref name="email"/> is a single plain address such as jane@example.com (no display name, a dot in the domain).</summary>
    public static bool IsEmail(string? email)
    {
        var text = email?.Trim() ?? "";
        if (text.Length is 0 or > 320 || text.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(text, out var parsed) || parsed.Address != text) return false;
        var at = text.LastIndexOf('@');
        return at > 0 && text[(at + 1)..].Contains('.') && !text.EndsWith('.');
    }

    /// <summary>Checks the fields of one person that need no database; messages name the field of <see cref="PersonInput"/>.</summary>
    public static Validation Validate(PersonInput input)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .Required(nameof(input.Email), input.Email, 320)
            .MaxLength(nameof(input.Department), input.Department, 100)
            .MaxLength(nameof(input.Role), input.Role, 200)
            .MaxLength(nameof(input.Location), input.Location, 200)
            .MaxLength(nameof(input.ConfidentialityTerms), input.ConfidentialityTerms, 300)
            .Defined(nameof(input.Type), input.Type)
            .Defined(nameof(input.Screening), input.Screening);
        if (!string.IsNullOrWhiteSpace(input.Email) && !IsEmail(input.Email)) validation.Add(nameof(input.Email), $"'{input.Email.Trim()}' is not an e-mail address (name@example.com).");
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            validation.Add(nameof(input.EndDate), $"the last day ({end:yyyy-MM-dd}) is before the start date ({start:yyyy-MM-dd}).");
        }
        return validation;
    }

    /// <summary>
    /// The manager chain from <paramref name="managerId"/> upwards, following <paramref name="managerOf"/>; returns the names on the
    /// loop when it comes back to <paramref name="personId"/> (the person would end up managing themselves), else null.
    /// </summary>
    public static List<Guid>? CycleThrough(Guid personId, Guid managerId, IReadOnlyDictionary<Guid, Guid?> managerOf)
    {
        var chain = new List<Guid> { personId };
        var seen = new HashSet<Guid> { personId };
        Guid? current = managerId;
        while (current is { } next)
        {
            chain.Add(next);
            if (next == personId) return chain;
            // A loop further up that does not include this person is not this save's doing; stop walking it.
            if (!seen.Add(next)) return null;
            current = managerOf.GetValueOrDefault(next);
        }
        return null;
    }

    /// <summary>The status a person has on a day, as the register filters it.</summary>
    public static PersonStatus StatusOf(bool active, DateOnly? start, DateOnly? end, DateOnly today) =>
        !active || (end is { } last && last < today) ? PersonStatus.Left
        : start is { } first && first > today ? PersonStatus.Joining
        : PersonStatus.Active;
}

public enum PersonStatus
{
    Active = 0,
    /// <summary>Starts after today.</summary>
    Joining = 1,
    /// <summary>Deactivated, or past the last working day.</summary>
    Left = 2,
}

/// <summary>
/// Creates or updates a person of the register: checks the e-mail (format, unique in the organization), the manager (another person
/// here, no loop of managers) and the dates; links the member with the same e-mail when no account is named; starts the onboarding
/// checklist of a new joiner and the offboarding one when a last day is set, when templates exist.
/// </summary>
public sealed class SavePerson(AttestDbContext db)
{
    /// <summary>Saves the person; <paramref name="source"/> is where a new person comes from (Manual by default).</summary>
    public async Task<Guid> RunAsync(Guid? id, PersonInput input, PersonSource source = PersonSource.Manual, CancellationToken cancellationToken = default)
    {
        var validation = PersonRules.Validate(input);
        Person? person = null;
        if (id is not null) person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Person", id);
        var personId = person?.Id ?? Guid.CreateVersion7();
        var key = PersonLookup.KeyOf(input.Email);
        if (key.Length > 0 && await db.People.AnyAsync(p => p.EmailKey == key && p.Id != personId, cancellationToken))
        {
            validation.Add(nameof(input.Email), $"{input.Email.Trim()} is already the e-mail of another person in the register.");
        }
        await CheckManagerAsync(db, validation, personId, input.ManagerId, cancellationToken);
        var userId = input.UserId;
        if (userId is { } chosen)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == chosen, cancellationToken)) validation.Add(nameof(input.UserId), "is not a member of this organization.");
            else if (await db.People.AnyAsync(p => p.UserId == chosen && p.Id != personId, cancellationToken)) validation.Add(nameof(input.UserId), "is already linked to another person.");
        }
        validation.ThrowIfInvalid();

        var before = person is null ? null : new { person.StartDate, person.EndDate };
        if (person is null)
        {
            person = new Person { Id = personId, Name = input.Name.Trim(), Email = input.Email.Trim(), Source = source };
            db.People.Add(person);
        }
        else
        {
            db.Entry(person).Property(p => p.Version).OriginalValue = input.Version;
        }
        Apply(person, input);
        person.UserId = userId ?? (person.UserId is null ? await MemberWithEmailAsync(db, key, personId, cancellationToken) : person.UserId);
        await Checklists.FollowDatesAsync(db, person, before?.StartDate, before?.EndDate, isNew: before is null, cancellationToken);
        await db.SaveAsync("person", cancellationToken);
        return person.Id;
    }

    internal static void Apply(Person person, PersonInput input)
    {
        person.Name = input.Name.Trim();
        person.Email = input.Email.Trim();
        person.EmailKey = PersonLookup.KeyOf(input.Email);
        person.Type = input.Type;
        person.Department = input.Department?.Trim() ?? "";
        person.ManagerId = input.ManagerId;
        person.Role = input.Role?.Trim() ?? "";
        person.Location = input.Location?.Trim() ?? "";
        person.StartDate = input.StartDate;
        person.EndDate = input.EndDate;
        person.Screening = input.Screening;
        person.ScreenedOn = input.ScreenedOn;
        person.ConfidentialitySignedOn = input.ConfidentialitySignedOn;
        person.ConfidentialityTerms = input.ConfidentialityTerms?.Trim() ?? "";
        person.Active = input.Active;
    }

    /// <summary>A person as an input that, saved unchanged, changes nothing.</summary>
    public static PersonInput InputOf(Person p) => new(p.Name, p.Email, p.Type, p.Department, p.ManagerId, p.Role, p.Location, p.StartDate, p.EndDate, p.Screening,
        p.ScreenedOn, p.ConfidentialitySignedOn, p.ConfidentialityTerms, p.UserId, p.Active, p.Version);

    /// <summary>The manager must be another person here, and the person may not end up above themselves.</summary>
    internal static async Task CheckManagerAsync(AttestDbContext db, Validation validation, Guid personId, Guid? managerId, CancellationToken cancellationToken)
    {
        if (managerId is not { } manager) return;
        if (manager == personId)
        {
            validation.Add("ManagerId", "a person cannot be their own manager.");
            return;
        }
        // One narrow query of the whole hierarchy: a chain can be as long as the organization is deep.
        var managerOf = await db.People.AsNoTracking().Select(p => new { p.Id, p.ManagerId }).ToDictionaryAsync(p => p.Id, p => p.ManagerId, cancellationToken);
        if (!managerOf.ContainsKey(manager))
        {
            validation.Add("ManagerId", "is not a person of this organization.");
            return;
        }
        if (PersonRules.CycleThrough(personId, manager, managerOf) is { } loop)
        {
            var names = await db.People.AsNoTracking().Where(p => loop.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            validation.Add("ManagerId", "would make a loop of managers: " + string.Join(" → ", loop.Select(id => names.GetValueOrDefault(id, "this person"))) + ".");
        }
    }

    /// <summary>The member of the organization with this e-mail who is not linked to anyone else yet.</summary>
    internal static async Task<Guid?> MemberWithEmailAsync(AttestDbContext db, string key, Guid personId, CancellationToken cancellationToken)
    {
        if (key.Length == 0) return null;
        var normalized = key.ToUpperInvariant();
        return await (from u in db.Users
                      join m in db.Memberships on u.Id equals m.UserId
                      where u.NormalizedEmail == normalized && !db.People.Any(p => p.UserId == u.Id && p.Id != personId)
                      select (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>
/// Records that a person has left (or is leaving): the last working day (today unless given or already set) and inactive. The
/// offboarding checklist starts when a template exists; the access they still hold stays listed until it is removed.
/// </summary>
public sealed class DeactivatePerson(AttestDbContext db)
{
    public async Task RunAsync(Guid id, DateOnly? lastDay, int? version, CancellationToken cancellationToken = default)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Person", id);
        if (version is { } expected) db.Entry(person).Property(p => p.Version).OriginalValue = expected;
        var end = lastDay ?? person.EndDate ?? PersonRules.Today(db);
        if (person.StartDate is { } start && end < start)
        {
            throw ValidationFailedException.For("EndDate", $"the last day ({end:yyyy-MM-dd}) is before the start date ({start:yyyy-MM-dd}).");
        }
        person.EndDate = end;
        person.Active = false;
        // Leaving is what offboarding is for, even when the last day was known before.
        await Checklists.FollowDatesAsync(db, person, person.StartDate, previousEnd: null, isNew: false, cancellationToken);
        await db.SaveAsync("person", cancellationToken);
    }
}
