using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Obligations;

public sealed record RegulatoryEventInput(
    string Title,
    RegulatoryEventKind Kind = RegulatoryEventKind.Enquiry,
    Guid? ObligationId = null,
    string? Description = null,
    string? Authority = null,
    DateOnly? OccurredOn = null,
    DateOnly? ReportedOn = null,
    decimal? FineAmount = null,
    string? FineCurrency = null,
    RegulatoryEventStatus Status = RegulatoryEventStatus.Open,
    DateOnly? ClosedOn = null,
    string? Outcome = null,
    Guid? IncidentId = null,
    Guid? NonconformityId = null,
    Guid? OwnerId = null,
    int Version = 0);

/// <summary>
/// Records or updates a violation or regulatory event (RE-001 …). A violation, fine or sanction names the obligation it concerns; a fine's
/// amount is zero or more, in a three-letter ISO 4217 currency. Closing it records its closing day (today when none is given); reopening
/// clears it. The obligation, incident and nonconformity must be this organization's.
/// </summary>
public sealed class SaveRegulatoryEvent(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, RegulatoryEventInput input, CancellationToken cancellationToken = default)
    {
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Authority), input.Authority, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000)
            .MaxLength(nameof(input.Outcome), input.Outcome, 20000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Status), input.Status);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.OccurredOn is not { } occurred) validation.Add(nameof(input.OccurredOn), "is required.");
        else if (occurred > today) validation.Add(nameof(input.OccurredOn), "cannot be in the future.");
        if (input.ReportedOn is { } reported && input.OccurredOn is { } happened && reported < happened) validation.Add(nameof(input.ReportedOn), "must be on or after OccurredOn.");
        if (ObligationLabels.IsViolation(input.Kind) && input.ObligationId is null)
        {
            validation.Add(nameof(input.ObligationId), $"is required for a {ObligationLabels.Of(input.Kind).ToLowerInvariant()}: name the obligation breached.");
        }
        if (input.ObligationId is { } obligation && !await db.Obligations.AnyAsync(o => o.Id == obligation, cancellationToken))
        {
            validation.Add(nameof(input.ObligationId), "is not an obligation of this organization.");
        }
        if (input.IncidentId is { } incident && !await db.Incidents.AnyAsync(i => i.Id == incident, cancellationToken))
        {
            validation.Add(nameof(input.IncidentId), "is not an incident of this organization.");
        }
        if (input.NonconformityId is { } nonconformity && !await db.Nonconformities.AnyAsync(n => n.Id == nonconformity, cancellationToken))
        {
            validation.Add(nameof(input.NonconformityId), "is not a nonconformity of this organization.");
        }
        var currency = input.FineCurrency?.Trim().ToUpperInvariant() ?? "";
        if (input.FineAmount is { } amount)
        {
            if (amount < 0) validation.Add(nameof(input.FineAmount), "must be zero or more.");
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) validation.Add(nameof(input.FineCurrency), "must be a three-letter ISO 4217 code, e.g. GBP or EUR, when there is an amount.");
        }
        else if (currency.Length > 0)
        {
            validation.Add(nameof(input.FineCurrency), "is set only with a fine amount.");
        }
        if (input.ClosedOn is not null && input.Status != RegulatoryEventStatus.Closed) validation.Add(nameof(input.ClosedOn), "is set only when the event is closed.");
        if (input.ClosedOn is { } closed && input.OccurredOn is { } began && closed < began) validation.Add(nameof(input.ClosedOn), "must be on or after OccurredOn.");
        validation.ThrowIfInvalid();

        RegulatoryEvent record;
        if (id is null)
        {
            record = new RegulatoryEvent
            {
                Reference = await References.NextAsync(db.RegulatoryEvents.Select(e => e.Reference), "RE-", 3, cancellationToken),
                Title = input.Title.Trim(),
            };
            db.RegulatoryEvents.Add(record);
        }
        else
        {
            record = await db.RegulatoryEvents.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Regulatory event", id);
            db.Entry(record).Property(e => e.Version).OriginalValue = input.Version;
        }
        record.Title = input.Title.Trim();
        record.Kind = input.Kind;
        record.ObligationId = input.ObligationId;
        record.Description = input.Description?.Trim() ?? "";
        record.Authority = input.Authority?.Trim() ?? "";
        record.OccurredOn = input.OccurredOn!.Value;
        record.ReportedOn = input.ReportedOn;
        record.FineAmount = input.FineAmount;
        record.FineCurrency = input.FineAmount is null ? "" : currency;
        record.Status = input.Status;
        record.ClosedOn = input.Status == RegulatoryEventStatus.Closed ? input.ClosedOn ?? record.ClosedOn ?? today : null;
        record.Outcome = input.Outcome?.Trim() ?? "";
        record.IncidentId = input.IncidentId;
        record.NonconformityId = input.NonconformityId;
        record.OwnerId = input.OwnerId;
        await db.SaveAsync("regulatory event", cancellationToken);
        return record.Id;
    }
}

/// <summary>Removes a regulatory event recorded in error.</summary>
public sealed class RemoveRegulatoryEvent(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var record = await db.RegulatoryEvents.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Regulatory event", id);
        db.Entry(record).Property(e => e.Version).OriginalValue = version;
        db.RegulatoryEvents.Remove(record);
        await db.SaveAsync("regulatory event", cancellationToken);
    }
}
