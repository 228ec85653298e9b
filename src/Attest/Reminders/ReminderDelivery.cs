namespace Attest.Reminders;

/// <summary>
/// One reminder e-mail sent (or attempted) to a person: what it held and whether the SMTP server took it. At most one digest per
/// person per day is sent; this log is how that is known and how an administrator sees delivery failures.
/// </summary>
public sealed class ReminderDelivery : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public required string Address { get; set; }
    /// <summary>The organization's day the digest is for.</summary>
    public DateOnly ForDay { get; set; }
    public int DueCount { get; set; }
    public int OverdueCount { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public bool Delivered { get; set; }
    /// <summary>The SMTP server's refusal or the connection error, when not delivered.</summary>
    public string Error { get; set; } = "";
}
