using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Context;

public sealed record InterestedPartyInput(string Name, PartyKind Kind, ManagementSystem Concerns, string? Requirements, string? HowAddressed, Guid? OwnerId, int Version = 0);

public sealed record ContextIssueInput(string Title, PartyKind Kind, IssueCategory Category, ManagementSystem Concerns, string? Description, string? Effect, Guid? OwnerId, int Version = 0);

/// <summary>Adds or updates an interested party (clause 4.2).</summary>
public sealed class SaveInterestedParty(AttestDbContext db)
{
    /// <summary>Creates the party when <paramref name="id"/> is null, else updates it; returns its id.</summary>
    public async Task<Guid> RunAsync(Guid? id, InterestedPartyInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Concerns), input.Concerns)
            .MaxLength(nameof(input.Requirements), input.Requirements, 10_000)
            .MaxLength(nameof(input.HowAddressed), input.HowAddressed, 10_000);
        await OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        validation.ThrowIfInvalid();

        InterestedParty party;
        if (id is null)
        {
            party = new InterestedParty { Name = input.Name.Trim() };
            db.InterestedParties.Add(party);
        }
        else
        {
            party = await db.InterestedParties.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new RecordNotFoundException("Interested party", id);
            db.Entry(party).Property(p => p.Version).OriginalValue = input.Version;
        }
        party.Name = input.Name.Trim();
        party.Kind = input.Kind;
        party.Concerns = input.Concerns;
        party.Requirements = input.Requirements?.Trim() ?? "";
        party.HowAddressed = input.HowAddressed?.Trim() ?? "";
        party.OwnerId = input.OwnerId;
        await db.SaveAsync("interested party", cancellationToken);
        return party.Id;
    }
}

/// <summary>Adds or updates an internal or external issue (clause 4.1).</summary>
public sealed class SaveContextIssue(AttestDbContext db)
{
    /// <summary>Creates the issue when <paramref name="id"/> is null, else updates it; returns its id.</summary>
    public async Task<Guid> RunAsync(Guid? id, ContextIssueInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Category), input.Category)
            .Defined(nameof(input.Concerns), input.Concerns)
            .MaxLength(nameof(input.Description), input.Description, 10_000)
            .MaxLength(nameof(input.Effect), input.Effect, 10_000);
        await OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        validation.ThrowIfInvalid();

        ContextIssue issue;
        if (id is null)
        {
            issue = new ContextIssue { Title = input.Title.Trim() };
            db.ContextIssues.Add(issue);
        }
        else
        {
            issue = await db.ContextIssues.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                ?? throw new RecordNotFoundException("Issue", id);
            db.Entry(issue).Property(i => i.Version).OriginalValue = input.Version;
        }
        issue.Title = input.Title.Trim();
        issue.Kind = input.Kind;
        issue.Category = input.Category;
        issue.Concerns = input.Concerns;
        issue.Description = input.Description?.Trim() ?? "";
        issue.Effect = input.Effect?.Trim() ?? "";
        issue.OwnerId = input.OwnerId;
        await db.SaveAsync("issue", cancellationToken);
        return issue.Id;
    }
}

/// <summary>Removes an interested party or issue; the audit trail keeps what it said.</summary>
public sealed class RemoveContextRecord(AttestDbContext db)
{
    public async Task RunAsync<TRecord>(Guid id, int version, CancellationToken cancellationToken = default) where TRecord : OrganizationRecord
    {
        var record = await db.Set<TRecord>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(TRecord).Name, id);
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        db.Remove(record);
        await db.SaveAsync(typeof(TRecord).Name, cancellationToken);
    }
}

internal static class OwnerRule
{
    /// <summary>An owner must be a member of the acting organization.</summary>
    public static async Task CheckAsync(AttestDbContext db, Validation validation, Guid? ownerId, CancellationToken cancellationToken)
    {
        if (ownerId is null) return;
        if (!await db.Memberships.AnyAsync(m => m.UserId == ownerId, cancellationToken))
        {
            validation.Add("OwnerId", "must be a member of this organization.");
        }
    }
}
