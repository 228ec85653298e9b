namespace Attest.Checks;

public enum CheckKind
{
    /// <summary>A TLS endpoint (host:port): certificate validity, days to expiry, protocols, chain and host name.</summary>
    Tls = 0,
    /// <summary>The security headers of a URL: HSTS, CSP, X-Content-Type-Options, frame options.</summary>
    HttpHeaders = 1,
    /// <summary>Settings of a PostgreSQL database the organization names: ssl, password_encryption, logging.</summary>
    Postgres = 2,
    /// <summary>A shell command on the Attest host; exit code 0 passes. Runs only when an Admin has enabled command checks.</summary>
    Command = 3,
    /// <summary>An external system posts results for the check with its own token.</summary>
    Push = 4,
}

/// <summary>An automated probe whose every run becomes an evidence record linked to its controls.</summary>
public sealed class Check : OrganizationRecord, IOwnedRecord
{
    /// <summary>Unique in the organization; the CLI and push API name checks by it.</summary>
    public required string Name { get; set; }
    public CheckKind Kind { get; set; }
    /// <summary>host:port for TLS, a URL for headers, the command line for commands; empty for PostgreSQL (see <see cref="ProtectedSecret"/>) and push.</summary>
    public string Target { get; set; } = "";
    /// <summary>JSON of the kind's expectations (e.g. minimum days to certificate expiry, required headers, expected settings).</summary>
    public string Settings { get; set; } = "";
    /// <summary>Five-field cron in UTC (minute hour day-of-month month day-of-week), e.g. "0 6 * * *"; empty for push checks.</summary>
    public string Schedule { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>Further attempts after a failed or timed-out run before the failure is recorded.</summary>
    public int Retries { get; set; } = 1;
    /// <summary>Days a result stays fresh evidence.</summary>
    public int ResultValidDays { get; set; } = 7;
    public Guid? OwnerId { get; set; }
    /// <summary>A PostgreSQL connection string, encrypted with the application's data-protection keys; never shown again once saved.</summary>
    [Secret] public string? ProtectedSecret { get; set; }
    /// <summary>SHA-256 of the push token (shown once).</summary>
    [Secret] public string? PushTokenHash { get; set; }
}

/// <summary>A control the check's results support.</summary>
public sealed class CheckControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CheckId { get; set; }
    public Guid ControlId { get; set; }
}

/// <summary>
/// When a check runs next, who holds its lease, and how its last run went. Kept apart from <see cref="Check"/> so that scheduling
/// bookkeeping does not fill the audit trail (each run's evidence record is audited instead).
/// </summary>
[NotAudited]
public sealed class CheckSchedule : IOrganizationOwned
{
    /// <summary>The check's id.</summary>
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateTimeOffset? NextRunAt { get; set; }
    /// <summary>The instance running it now, until <see cref="LeaseUntil"/>; a lease that ran out may be taken by another instance.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public bool? LastPassed { get; set; }
    public string LastSummary { get; set; } = "";
    public Guid? LastEvidenceId { get; set; }
}

/// <summary>A message for one person in the app (e.g. a check that turned from pass to fail on a control they own).</summary>
public sealed class Notification : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public required string Text { get; set; }
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
