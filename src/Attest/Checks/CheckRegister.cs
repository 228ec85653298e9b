using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Attest.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Attest.Checks;

public sealed record CheckInput(
    string Name,
    CheckKind Kind,
    string? Target = null,
    /// <summary>JSON object of the kind's expectations; empty for the defaults.</summary>
    string? Settings = null,
    /// <summary>Five-field cron in UTC; required except for push checks.</summary>
    string? Schedule = null,
    bool Enabled = true,
    int TimeoutSeconds = 30,
    int Retries = 1,
    int ResultValidDays = 7,
    Guid? OwnerId = null,
    /// <summary>The controls its results support; null leaves them as they are.</summary>
    IReadOnlyList<Guid>? ControlIds = null,
    /// <summary>PostgreSQL checks: the connection string, write-only. Null on update keeps the stored one.</summary>
    string? Secret = null,
    int Version = 0);

/// <summary>Names of the data-protection purpose and the rules every check shares.</summary>
public static class CheckSecrets
{
    /// <summary>The data-protection purpose of check secrets; keys live in the database, so every instance can read them.</summary>
    public const string Purpose = "Attest.Checks";

    /// <summary>Lower-case hex SHA-256 of a push token: what is stored, and what a presented token is compared with.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison of a presented token with a stored hash.</summary>
    public static bool Matches(string token, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(token)), Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>
/// Creates or updates an automated check with the controls it supports and its schedule. A PostgreSQL connection string is encrypted
/// with the application's data-protection keys and never read back; leaving it empty on update keeps the stored one.
/// </summary>
public sealed class SaveCheck(AttestDbContext db, IDataProtectionProvider protection)
{
    public async Task<Guid> RunAsync(Guid? id, CheckInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .MaxLength(nameof(input.Target), input.Target, 2000)
            .MaxLength(nameof(input.Settings), input.Settings, 4000)
            .MaxLength(nameof(input.Schedule), input.Schedule, 100)
            .MaxLength(nameof(input.Secret), input.Secret, 2000)
            .Defined(nameof(input.Kind), input.Kind);
        Check? check = null;
        if (id is not null) check = await db.Checks.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Check", id);

        var name = input.Name?.Trim() ?? "";
        if (name.IndexOfAny(['/', '?', '#', '\\']) >= 0) validation.Add(nameof(input.Name), "must not contain /, \\, ? or # (the push API names the check in its address).");
        if (name.Length > 0 && await db.Checks.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another check is already named '{name}'.");
        }
        var target = input.Target?.Trim() ?? "";
        switch (input.Kind)
        {
            case CheckKind.Tls when target.Length == 0:
                validation.Add(nameof(input.Target), "name the TLS endpoint as host:port, e.g. example.com:443.");
                break;
            case CheckKind.HttpHeaders when !Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"):
                validation.Add(nameof(input.Target), $"'{target}' is not an http(s) address.");
                break;
            case CheckKind.Command when target.Length == 0:
                validation.Add(nameof(input.Target), "write the command to run; exit code 0 passes.");
                break;
            case CheckKind.Postgres or CheckKind.Push:
                target = "";
                break;
        }
        var settings = input.Settings?.Trim() ?? "";
        if (settings.Length > 0)
        {
            try
            {
                using var parsed = JsonDocument.Parse(settings);
                if (parsed.RootElement.ValueKind != JsonValueKind.Object) validation.Add(nameof(input.Settings), "must be a JSON object, e.g. {\"minDaysToExpiry\": 21}.");
            }
            catch (JsonException invalid)
            {
                validation.Add(nameof(input.Settings), $"is not valid JSON: {invalid.Message}");
            }
        }
        var schedule = input.Kind == CheckKind.Push ? "" : input.Schedule?.Trim() ?? "";
        CronSchedule? cron = null;
        if (input.Kind != CheckKind.Push)
        {
            if (schedule.Length == 0) validation.Add(nameof(input.Schedule), "is required: a five-field cron in UTC, e.g. \"0 6 * * *\" for 06:00 every day.");
            else
            {
                try { cron = CronSchedule.Parse(schedule); }
                catch (ValidationFailedException invalid)
                {
                    foreach (var message in invalid.Errors.SelectMany(e => e.Value)) validation.Add(nameof(input.Schedule), message);
                }
            }
        }
        if (input.TimeoutSeconds is < 1 or > 300) validation.Add(nameof(input.TimeoutSeconds), "must be 1 to 300 seconds.");
        if (input.Retries is < 0 or > 5) validation.Add(nameof(input.Retries), "must be 0 to 5.");
        if (input.ResultValidDays is < 1 or > 366) validation.Add(nameof(input.ResultValidDays), "must be 1 to 366 days.");
        var secret = string.IsNullOrWhiteSpace(input.Secret) ? null : input.Secret.Trim();
        if (input.Kind == CheckKind.Postgres && secret is null && check?.ProtectedSecret is null)
        {
            validation.Add(nameof(input.Secret), "a PostgreSQL check needs the connection string of the database to inspect.");
        }
        if (input.Kind != CheckKind.Postgres && secret is not null) validation.Add(nameof(input.Secret), "only PostgreSQL checks take a connection string.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var controlIds = input.ControlIds?.Distinct().ToList();
        if (controlIds is { Count: > 0 } && await db.Controls.CountAsync(c => controlIds.Contains(c.Id), cancellationToken) != controlIds.Count)
        {
            validation.Add("Controls", "names controls that do not exist in this organization.");
        }
        validation.ThrowIfInvalid();

        var scheduleChanged = check is null || check.Schedule != schedule || check.Enabled != input.Enabled || check.Kind != input.Kind;
        if (check is null)
        {
            check = new Check { Name = name };
            db.Checks.Add(check);
        }
        else
        {
            db.Entry(check).Property(c => c.Version).OriginalValue = input.Version;
        }
        check.Name = name;
        check.Kind = input.Kind;
        check.Target = target;
        check.Settings = settings;
        check.Schedule = schedule;
        check.Enabled = input.Enabled;
        check.TimeoutSeconds = input.TimeoutSeconds;
        check.Retries = input.Retries;
        check.ResultValidDays = input.ResultValidDays;
        check.OwnerId = input.OwnerId;
        if (input.Kind != CheckKind.Postgres) check.ProtectedSecret = null;
        else if (secret is not null) check.ProtectedSecret = protection.CreateProtector(CheckSecrets.Purpose).Protect(secret);
        if (input.Kind != CheckKind.Push) check.PushTokenHash = null;

        if (controlIds is not null)
        {
            var linked = await db.CheckControls.Where(l => l.CheckId == check.Id).ToListAsync(cancellationToken);
            db.CheckControls.RemoveRange(linked.Where(l => !controlIds.Contains(l.ControlId)));
            foreach (var control in controlIds.Where(c => !linked.Any(l => l.ControlId == c))) db.CheckControls.Add(new CheckControl { CheckId = check.Id, ControlId = control });
        }

        var row = await db.CheckSchedules.FirstOrDefaultAsync(s => s.Id == check.Id, cancellationToken);
        if (row is null)
        {
            row = new CheckSchedule { Id = check.Id };
            db.CheckSchedules.Add(row);
            scheduleChanged = true;
        }
        if (scheduleChanged || (row.NextRunAt is null && cron is not null && input.Enabled))
        {
            row.NextRunAt = CheckTiming.NextRun(check, cron, Instant.Now(db.Clock));
        }
        await db.SaveAsync("check", cancellationToken);
        return check.Id;
    }
}

/// <summary>When a check runs next: the cron's next time after now; never when disabled or pushed.</summary>
public static class CheckTiming
{
    public static DateTimeOffset? NextRun(Check check, CronSchedule? cron, DateTimeOffset now)
    {
        if (!check.Enabled || check.Kind == CheckKind.Push) return null;
        cron ??= string.IsNullOrWhiteSpace(check.Schedule) ? null : CronSchedule.Parse(check.Schedule);
        if (cron is null) return null;
        return cron.NextAfter(now) is { } next ? Instant.Truncate(next) : null;
    }
}

/// <summary>Deletes a check with its control links and schedule; its results stay as evidence (no longer linked to a check).</summary>
public sealed class RemoveCheck(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var check = await db.Checks.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Check", id);
        db.Entry(check).Property(c => c.Version).OriginalValue = version;
        db.CheckControls.RemoveRange(await db.CheckControls.Where(l => l.CheckId == id).ToListAsync(cancellationToken));
        db.CheckSchedules.RemoveRange(await db.CheckSchedules.Where(s => s.Id == id).ToListAsync(cancellationToken));
        // Results are evidence and stay, so what auditors were shown remains; the database clears their CheckId.
        db.Checks.Remove(check);
        await db.SaveAsync("check", cancellationToken);
    }
}

/// <summary>
/// Issues a new push token for a push check, replacing any earlier one: 32 random bytes (base64url), returned once; only its SHA-256
/// is stored.
/// </summary>
public sealed class IssuePushToken(AttestDbContext db)
{
    public async Task<string> RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var check = await db.Checks.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Check", id);
        if (check.Kind != CheckKind.Push) throw ValidationFailedException.For("Kind", $"'{check.Name}' is a {check.Kind} check; only push checks receive results with a token.");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        check.PushTokenHash = CheckSecrets.HashOf(token);
        await db.SaveAsync("check", cancellationToken);
        return token;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Switches command checks (shell commands on the Attest host) on or off for the organization; Admins only, enforced by the settings page.</summary>
public sealed class ChangeCommandChecks(AttestDbContext db)
{
    public async Task RunAsync(bool enabled, int version, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        db.Entry(organization).Property(o => o.Version).OriginalValue = version;
        organization.CommandChecksEnabled = enabled;
        await db.SaveAsync("organization", cancellationToken);
    }
}

public sealed record CheckRow(Guid Id, string Name, CheckKind Kind, string Target, string Schedule, bool Enabled, Guid? OwnerId, string? Owner,
    DateTimeOffset? LastRunAt, bool? LastPassed, string LastSummary, DateTimeOffset? NextRunAt);

public sealed record CheckControlRow(Guid Id, string Reference, string Name);

public sealed record CheckResultRow(Guid EvidenceId, string Reference, DateTimeOffset RecordedAt, bool? Passed, string Title);

/// <summary>A check as people and the API read it: never its secret or token hash, only whether it has them.</summary>
public sealed record CheckDetail(Guid Id, string Name, CheckKind Kind, string Target, string Settings, string Schedule, bool Enabled, int TimeoutSeconds, int Retries,
    int ResultValidDays, Guid? OwnerId, string? Owner, bool HasSecret, bool HasPushToken, IReadOnlyList<CheckControlRow> Controls,
    DateTimeOffset? LastRunAt, bool? LastPassed, string LastSummary, DateTimeOffset? NextRunAt, IReadOnlyList<CheckResultRow> Results, int Version);

/// <summary>Reads checks in a fixed number of queries: the list in one, a check with its controls and last results in three.</summary>
public static class CheckQueries
{
    public const int ResultsShown = 20;

    public static async Task<List<CheckRow>> ListAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await (from c in db.Checks.AsNoTracking()
               from s in db.CheckSchedules.Where(s => s.Id == c.Id).DefaultIfEmpty()
               orderby c.Name
               select new CheckRow(c.Id, c.Name, c.Kind, c.Target, c.Schedule, c.Enabled, c.OwnerId,
                   db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                   s != null ? s.LastRunAt : null, s != null ? s.LastPassed : null, s != null ? s.LastSummary : "", s != null ? s.NextRunAt : null))
            .ToListAsync(cancellationToken);

    public static async Task<CheckDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await (from c in db.Checks.AsNoTracking().Where(c => c.Id == id)
                           from s in db.CheckSchedules.Where(s => s.Id == c.Id).DefaultIfEmpty()
                           select new
                           {
                               c.Id, c.Name, c.Kind, c.Target, c.Settings, c.Schedule, c.Enabled, c.TimeoutSeconds, c.Retries, c.ResultValidDays, c.OwnerId,
                               Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                               HasSecret = c.ProtectedSecret != null, HasPushToken = c.PushTokenHash != null, c.Version,
                               LastRunAt = s != null ? s.LastRunAt : null, LastPassed = s != null ? s.LastPassed : null,
                               LastSummary = s != null ? s.LastSummary : "", NextRunAt = s != null ? s.NextRunAt : null,
                           }).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Check", id);
        var controls = await db.Controls.AsNoTracking().Where(c => db.CheckControls.Any(l => l.CheckId == id && l.ControlId == c.Id))
            .OrderBy(c => c.Reference).Select(c => new CheckControlRow(c.Id, c.Reference, c.Name)).ToListAsync(cancellationToken);
        var results = await db.EvidenceItems.AsNoTracking().Where(e => e.CheckId == id).OrderByDescending(e => e.CreatedAt).Take(ResultsShown)
            .Select(e => new CheckResultRow(e.Id, e.Reference, e.CreatedAt, e.Passed, e.Title)).ToListAsync(cancellationToken);
        return new CheckDetail(found.Id, found.Name, found.Kind, found.Target, found.Settings, found.Schedule, found.Enabled, found.TimeoutSeconds, found.Retries,
            found.ResultValidDays, found.OwnerId, found.Owner, found.HasSecret, found.HasPushToken, controls, found.LastRunAt, found.LastPassed, found.LastSummary ?? "",
            found.NextRunAt, results, found.Version);
    }
}
