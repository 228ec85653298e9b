using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.AccessReviews;

/// <summary>One entitlement of one account, as a system's export lists it.</summary>
public sealed record AccessAccountInput(string Account, string? Email = null, string? DisplayName = null, string? Entitlement = null, bool Privileged = false,
    DateOnly? LastUsedOn = null);

/// <summary>What a load changed, and how many of the system's accounts are now flagged.</summary>
public sealed record AccessLoadResult(Guid SystemId, string SystemName, bool SystemCreated, int Added, int Updated, int Removed, int Unchanged, int RemediationsConfirmed,
    int NoMatchingPerson, int Leavers, int Privileged, int Unused);

/// <summary>
/// Replaces a system's accounts with a complete export: new grants are added, listed ones updated, and grants the export no longer
/// lists are kept with today's removal date. Each grant is matched to a person by e-mail (or by an account name that is an
/// e-mail). A revocation decided in a review is confirmed once a load no longer lists its grant. One save; a few queries whatever
/// the size of the export.
/// </summary>
public sealed class LoadSystemAccounts(AttestDbContext db)
{
    public const int MaxAccounts = 200_000;

    /// <summary>Loads <paramref name="accounts"/> (the system's whole current list) into system <paramref name="systemId"/>.</summary>
    /// <exception cref="ValidationFailedException">An account breaks a rule; errors are keyed "[index].Field". Nothing was changed.</exception>
    /// <exception cref="RecordNotFoundException">No such system here.</exception>
    public async Task<AccessLoadResult> RunAsync(Guid systemId, IReadOnlyList<AccessAccountInput> accounts, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = Validate(accounts, (index, field) => $"[{index}].{field}");
        if (errors.Count > 0) throw new ValidationFailedException(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        var system = await db.AccessSystems.FirstOrDefaultAsync(s => s.Id == systemId, cancellationToken) ?? throw new RecordNotFoundException("Access system", systemId);
        return await LoadAsync(system, false, accounts, source, cancellationToken);
    }

    /// <summary>Every broken rule of a list of accounts, where is written by <paramref name="where"/> (index, field name).</summary>
    internal static List<(string Field, string Message)> Validate(IReadOnlyList<AccessAccountInput> accounts, Func<int, string, string> where)
    {
        var errors = new List<(string, string)>();
        if (accounts.Count > MaxAccounts) return [("Accounts", $"a load may list at most {MaxAccounts} accounts (it has {accounts.Count}).")];
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            if (account is null) { errors.Add((where(i, "Account"), "is required.")); continue; }
            var name = account.Account?.Trim() ?? "";
            if (name.Length == 0) errors.Add((where(i, "Account"), "is required."));
            else if (name.Length > 320) errors.Add((where(i, "Account"), $"must be at most 320 characters (it has {name.Length})."));
            var email = account.Email?.Trim() ?? "";
            if (email.Length > 320) errors.Add((where(i, "Email"), $"must be at most 320 characters (it has {email.Length})."));
            else if (email.Length > 0 && !LooksLikeEmail(email)) errors.Add((where(i, "Email"), $"'{email}' is not an e-mail address."));
            if ((account.DisplayName?.Trim().Length ?? 0) > 200) errors.Add((where(i, "DisplayName"), "must be at most 200 characters."));
            var entitlement = account.Entitlement?.Trim() ?? "";
            if (entitlement.Length > 300) errors.Add((where(i, "Entitlement"), $"must be at most 300 characters (it has {entitlement.Length})."));
            if (name.Length > 0)
            {
                var key = (name.ToLowerInvariant(), entitlement.ToLowerInvariant());
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add((where(i, "Account"), $"{name}{(entitlement.Length > 0 ? $" with {entitlement}" : "")} is listed twice (also at {where(first, "Account")})."));
                }
                else seen[key] = i;
            }
        }
        return errors;
    }

    private static bool LooksLikeEmail(string text) => text.IndexOf('@') is var at && at > 0 && at < text.Length - 1 && !text.Contains(' ');

    /// <summary>The load itself, on a tracked (or new) system; saves once.</summary>
    internal async Task<AccessLoadResult> LoadAsync(AccessSystem system, bool created, IReadOnlyList<AccessAccountInput> accounts, string source, CancellationToken cancellationToken)
    {
        var now = Instant.Now(db.Clock);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The whole register in one query: an export lists most of the organization, and 50,000 e-mails do not fit in an IN list.
        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, p.EmailKey, p.Active, p.EndDate }).ToListAsync(cancellationToken))
            .Where(p => p.EmailKey.Length > 0).GroupBy(p => p.EmailKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var existing = created ? [] : await db.AccessGrants.Where(g => g.SystemId == system.Id).ToListAsync(cancellationToken);
        var byKey = existing.GroupBy(g => (g.Account.ToLowerInvariant(), g.Entitlement.ToLowerInvariant())).ToDictionary(g => g.Key, g => g.First());

        int added = 0, updated = 0, unchanged = 0, removed = 0;
        var listed = new HashSet<Guid>();
        var active = new List<AccessGrant>(accounts.Count);
        foreach (var input in accounts)
        {
            var account = input.Account.Trim();
            var email = input.Email?.Trim() ?? "";
            var entitlement = input.Entitlement?.Trim() ?? "";
            var key = PersonLookup.KeyOf(email.Length > 0 ? email : account.Contains('@') ? account : "");
            var person = key.Length > 0 ? people.GetValueOrDefault(key) : null;
            var grant = byKey.GetValueOrDefault((account.ToLowerInvariant(), entitlement.ToLowerInvariant()));
            if (grant is null)
            {
                grant = new AccessGrant { SystemId = system.Id, OrganizationId = system.OrganizationId, Account = account, Entitlement = entitlement, FirstSeenOn = today };
                db.AccessGrants.Add(grant);
                added++;
            }
            else
            {
                listed.Add(grant.Id);
                var changed = grant.RemovedOn is not null || grant.Account != account || grant.Entitlement != entitlement || grant.Email != email
                    || grant.DisplayName != (input.DisplayName?.Trim() ?? "") || grant.Privileged != input.Privileged || grant.LastUsedOn != input.LastUsedOn
                    || grant.PersonId != person?.Id;
                // An account that comes back after removal counts as added again.
                if (grant.RemovedOn is not null) added++;
                else if (changed) updated++;
                else unchanged++;
                grant.RemovedOn = null;
            }
            grant.Account = account;
            grant.Entitlement = entitlement;
            grant.Email = email;
            grant.DisplayName = input.DisplayName?.Trim() ?? "";
            grant.Privileged = input.Privileged;
            grant.LastUsedOn = input.LastUsedOn;
            grant.PersonId = person?.Id;
            active.Add(grant);
        }
        foreach (var grant in existing.Where(g => g.RemovedOn is null && !listed.Contains(g.Id)))
        {
            grant.RemovedOn = today;
            removed++;
        }

        // Revocations and changes decided in reviews are done once the export no longer lists the grant.
        var gone = existing.Where(g => g.RemovedOn is not null).Select(g => g.Id).ToHashSet();
        var confirmed = 0;
        if (!created && gone.Count > 0)
        {
            var outstanding = await db.AccessReviewItems
                .Where(i => i.SystemId == system.Id && (i.Decision == AccessDecision.Revoke || i.Decision == AccessDecision.Change) && i.RemediatedAt == null)
                .Where(i => db.AccessReviewCampaigns.Any(c => c.Id == i.CampaignId && c.Status != CampaignStatus.Cancelled))
                .ToListAsync(cancellationToken);
            foreach (var item in outstanding.Where(i => gone.Contains(i.GrantId)))
            {
                item.RemediatedAt = now;
                item.RemediatedBy = Truncate($"confirmed by load of {system.Name} on {today:yyyy-MM-dd}", 300);
                item.RemediationNote = Truncate($"{(source.Length > 0 ? source : "The load")} no longer lists {item.Account}{(item.Entitlement.Length > 0 ? $" with {item.Entitlement}" : "")}.", 2000);
                confirmed++;
            }
        }

        system.LastLoadedAt = now;
        await db.SaveAsync("access system", cancellationToken);

        var left = people.Values.Where(p => !p.Active || p.EndDate < today).Select(p => p.Id).ToHashSet();
        var unusedBefore = AccessFlagRules.UnusedBefore(system.UnusedAfterDays, today);
        return new AccessLoadResult(system.Id, system.Name, created, added, updated, removed, unchanged, confirmed,
            active.Count(g => g.PersonId is null), active.Count(g => g.PersonId is { } p && left.Contains(p)), active.Count(g => g.Privileged),
            active.Count(g => g.LastUsedOn is not { } used || used < unusedBefore));
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}

/// <summary>
/// Loads a system's accounts from an exported CSV or XLSX file (replace semantics, as <see cref="LoadSystemAccounts"/>). Column names
/// are read flexibly (Account/Username/Login, Email, Name, Role/Group/Entitlement, Privileged/Admin, Last used/Last login); the
/// whole file is checked first and any error, "row 7, column Email: …", leaves everything as it was.
/// </summary>
public sealed class ImportSystemAccounts(AttestDbContext db, LoadSystemAccounts load)
{
    public const long MaxBytes = 50 * 1024 * 1024;

    /// <summary>Imports into an existing system.</summary>
    /// <exception cref="ValidationFailedException">The file cannot be read or a row is wrong (field <c>File</c>); nothing was changed.</exception>
    public async Task<AccessLoadResult> RunAsync(Guid systemId, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var accounts = await AccessExportFile.ReadAsync(content, fileName, cancellationToken);
        var system = await db.AccessSystems.FirstOrDefaultAsync(s => s.Id == systemId, cancellationToken) ?? throw new RecordNotFoundException("Access system", systemId);
        return await load.LoadAsync(system, false, accounts, Path.GetFileName(fileName), cancellationToken);
    }

    /// <summary>Imports into the system called <paramref name="systemName"/>, creating it (in the same save) when there is none.</summary>
    public async Task<AccessLoadResult> RunAsync(string systemName, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var name = systemName?.Trim() ?? "";
        new Validation().Required("System", name, 200).ThrowIfInvalid();
        var accounts = await AccessExportFile.ReadAsync(content, fileName, cancellationToken);
        var system = await db.AccessSystems.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        var created = system is null;
        if (system is null)
        {
            system = new AccessSystem { Name = name, OrganizationId = db.Acting.RequireOrganization() };
            db.AccessSystems.Add(system);
        }
        return await load.LoadAsync(system, created, accounts, Path.GetFileName(fileName), cancellationToken);
    }
}

/// <summary>Reads an account export (CSV or XLSX) into accounts, naming the row and column of every problem.</summary>
public static class AccessExportFile
{
    private static readonly string[] AccountNames = ["account", "accountname", "username", "user", "login", "loginname", "userid", "principal", "samaccountname", "userprincipalname", "upn"];
    private static readonly string[] EmailNames = ["email", "emailaddress", "mail", "workemail"];
    private static readonly string[] NameNames = ["name", "displayname", "fullname", "person"];
    private static readonly string[] EntitlementNames = ["entitlement", "role", "group", "permission", "permissionset", "access", "accesslevel", "roles", "groups"];
    private static readonly string[] PrivilegedNames = ["privileged", "admin", "isadmin", "isprivileged", "privilegedaccess", "administrator"];
    private static readonly string[] LastUsedNames = ["lastused", "lastusedon", "lastlogin", "lastlogon", "lastsignin", "lastsignon", "lastactivity", "lastseen", "lastaccess", "lastloginat"];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd",
        "d MMM yyyy", "dd MMM yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM yyyy", "MMMM d, yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd",
    ];

    public static async Task<IReadOnlyList<AccessAccountInput>> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not an account export Attest reads; use .csv or .xlsx with a header row (Account, Email, Name, Role, Privileged, Last used).");
        }
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName!, ImportSystemAccounts.MaxBytes, cancellationToken);
        return Read(Policies.PolicyIndexTable.Read(bytes, fileName!), fileName!);
    }

    internal static IReadOnlyList<AccessAccountInput> Read(Policies.PolicyIndexTable table, string fileName)
    {
        var headers = table.Headers.Select(Normalize).ToList();
        int Find(string[] names) => headers.FindIndex(h => names.Contains(h));
        var (account, email, name, entitlement, privileged, lastUsed) =
            (Find(AccountNames), Find(EmailNames), Find(NameNames), Find(EntitlementNames), Find(PrivilegedNames), Find(LastUsedNames));
        if (account < 0 && email < 0)
        {
            throw ValidationFailedException.For("File", $"{fileName} has no Account column (also read as Username or Login) and no Email column; its columns are {string.Join(", ", table.Headers.Where(h => h.Length > 0))}.");
        }
        string Header(int index) => table.Headers[index].Trim();
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no accounts: the table has a header but no rows.");

        var errors = new List<string>();
        var accounts = new List<AccessAccountInput>(rows.Count);
        foreach (var row in rows)
        {
            var accountText = account >= 0 ? row.Cell(account) : "";
            var emailText = email >= 0 ? row.Cell(email) : "";
            // Exports of e-mail-based systems often have only an e-mail column: the e-mail is the account.
            if (accountText.Length == 0) accountText = emailText;
            var isPrivileged = false;
            if (privileged >= 0 && row.Cell(privileged) is { Length: > 0 } flag)
            {
                if (ParseYesNo(flag) is { } yes) isPrivileged = yes;
                else errors.Add($"{row.Label}, column {Header(privileged)}: '{flag}' is not yes/no (use yes, no, true, false, 1 or 0).");
            }
            DateOnly? used = null;
            if (lastUsed >= 0 && row.Cell(lastUsed) is { Length: > 0 } dateText)
            {
                var (date, problem) = ParseDate(dateText);
                if (problem is not null) errors.Add($"{row.Label}, column {Header(lastUsed)}: {problem}");
                used = date;
            }
            accounts.Add(new AccessAccountInput(accountText, emailText, name >= 0 ? row.Cell(name) : null, entitlement >= 0 ? row.Cell(entitlement) : null, isPrivileged, used));
        }
        var columns = new Dictionary<string, string>
        {
            ["Account"] = account >= 0 ? Header(account) : email >= 0 ? Header(email) : "Account",
            ["Email"] = email >= 0 ? Header(email) : "Email",
            ["DisplayName"] = name >= 0 ? Header(name) : "Name",
            ["Entitlement"] = entitlement >= 0 ? Header(entitlement) : "Role",
        };
        errors.AddRange(LoadSystemAccounts.Validate(accounts, (i, field) => $"{rows[i].Label}, column {columns[field]}")
            .Select(e => $"{e.Field}: {e.Message}"));
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.OrderBy(RowNumber).ToArray() });
        return accounts;
    }

    private static int RowNumber(string error) =>
        error.StartsWith("row ", StringComparison.Ordinal) && int.TryParse(new string(error[4..].TakeWhile(char.IsDigit).ToArray()), out var n) ? n : int.MaxValue;

    private static string Normalize(string header) => new string(header.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant() switch
    {
        "emailaddress" or "email" or "mail" => "email",
        var other => other,
    };

    internal static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "x" => true,
        "no" or "n" or "false" or "0" or "" => false,
        _ => null,
    };

    /// <summary>ISO dates and common export formats; a day/month order that cannot be told apart is refused rather than guessed.</summary>
    internal static (DateOnly? Date, string? Problem) ParseDate(string text)
    {
        var value = text.Trim();
        if (value.Equals("never", StringComparison.OrdinalIgnoreCase) || value is "-" or "—" or "n/a" or "N/A") return (null, null);
        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact))
        {
            return (DateOnly.FromDateTime(exact), null);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && value.Contains('T'))
        {
            return (DateOnly.FromDateTime(instant.UtcDateTime), null);
        }
        var datePart = value.Split(' ', 'T')[0];
        var parts = datePart.Split('/', '-', '.');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsDigit)) && parts[2].Length == 4)
        {
            var (first, second, year) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            (int Day, int Month)? order = first > 12 && second <= 12 ? (first, second) : second > 12 && first <= 12 ? (second, first) : first == second ? (first, second) : null;
            if (order is null) return (null, $"'{value}' could be day/month or month/day; write it as {year:0000}-{second:00}-{first:00} or {year:0000}-{first:00}-{second:00} (ISO).");
            if (order.Value.Month is >= 1 and <= 12 && order.Value.Day >= 1 && order.Value.Day <= DateTime.DaysInMonth(year, order.Value.Month))
            {
                return (new DateOnly(year, order.Value.Month, order.Value.Day), null);
            }
        }
        return (null, $"'{value}' is not a date; use YYYY-MM-DD (e.g. 2026-09-30), or leave it empty for never used.");
    }
}
