using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

/// <summary>
/// The register as a spreadsheet, one row per person by name, in the columns <see cref="ImportPeople"/> reads (managers as their
/// e-mail), so an export is also the template for an import. Status is computed and not read back.
/// </summary>
public static class PeopleRegisterExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Name", "Email", "Type", "Department", "Manager", "Role", "Location", "Start date", "End date", "Screening", "Screened on", "NDA signed on",
        "Confidentiality terms", "Active", "Status",
    ];

    public const string SheetName = "People";

    private static readonly int[] SheetWidths = [28, 32, 12, 18, 32, 28, 18, 12, 12, 14, 12, 14, 30, 8, 10];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync(db, cancellationToken);
        return Spreadsheets.Csv(Columns, rows.Select(r => r.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray()));
    }

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Spreadsheets.Xlsx(SheetName, Columns, SheetWidths, await LoadAsync(db, cancellationToken));

    /// <summary>Every person's cells in <see cref="Columns"/> order: one query.</summary>
    internal static async Task<List<object?[]>> LoadAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var today = PersonRules.Today(db);
        var people = await db.People.AsNoTracking().Select(p => new
        {
            p.Name, p.Email, p.Type, p.Department, Manager = db.People.Where(m => m.Id == p.ManagerId).Select(m => m.Email).FirstOrDefault(), p.Role, p.Location,
            p.StartDate, p.EndDate, p.Screening, p.ScreenedOn, p.ConfidentialitySignedOn, p.ConfidentialityTerms, p.Active, p.EmailKey,
        }).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.EmailKey, StringComparer.Ordinal).Select(p => new object?[]
        {
            p.Name, p.Email, p.Type.ToString(), p.Department, p.Manager ?? "", p.Role, p.Location, Date(p.StartDate), Date(p.EndDate), p.Screening.ToString(),
            Date(p.ScreenedOn), Date(p.ConfidentialitySignedOn), p.ConfidentialityTerms, p.Active ? "yes" : "no",
            PeopleLabels.Of(PersonRules.StatusOf(p.Active, p.StartDate, p.EndDate, today)),
        }).ToList();
    }

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>What an import did; <see cref="IgnoredColumns"/> are columns of the file the register has no place for (an HR export's extras).</summary>
public sealed record PeopleImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Imports or synchronizes people from a CSV or XLSX file, all or nothing. Columns are recognized by name in many spellings (Name, Email,
/// Type, Department, Manager (e-mail), Role, Location, Start date, End date, Screening, Screened on, NDA signed on, Confidentiality terms,
/// Active); only Name and Email are required. A row whose e-mail is in the register updates that person (a blank cell keeps what is
/// there), any other row creates one. Managers are named by e-mail and may be people further down the same file. Every row is checked
/// first; any error — reported as "row 7, column Email: …" — means nothing is changed. New joiners and new leavers get their checklists
/// as a form save would give them.
/// </summary>
public sealed class ImportPeople(AttestDbContext db)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private enum Field { Name, Email, Type, Department, Manager, Role, Location, StartDate, EndDate, Screening, ScreenedOn, NdaSignedOn, Terms, Active, Computed }

    private static readonly Dictionary<string, Field> Names = new(StringComparer.Ordinal)
    {
        ["name"] = Field.Name, ["fullname"] = Field.Name, ["displayname"] = Field.Name, ["person"] = Field.Name, ["employeename"] = Field.Name,
        ["email"] = Field.Email, ["emailaddress"] = Field.Email, ["workemail"] = Field.Email, ["mail"] = Field.Email, ["businessemail"] = Field.Email,
        ["type"] = Field.Type, ["persontype"] = Field.Type, ["employmenttype"] = Field.Type, ["workertype"] = Field.Type, ["category"] = Field.Type,
        ["department"] = Field.Department, ["team"] = Field.Department, ["division"] = Field.Department,
        ["manager"] = Field.Manager, ["manageremail"] = Field.Manager, ["linemanager"] = Field.Manager, ["linemanageremail"] = Field.Manager, ["reportsto"] = Field.Manager,
        ["role"] = Field.Role, ["jobtitle"] = Field.Role, ["title"] = Field.Role, ["position"] = Field.Role,
        ["location"] = Field.Location, ["office"] = Field.Location, ["site"] = Field.Location, ["country"] = Field.Location,
        ["startdate"] = Field.StartDate, ["start"] = Field.StartDate, ["started"] = Field.StartDate, ["joined"] = Field.StartDate, ["joiningdate"] = Field.StartDate, ["hiredate"] = Field.StartDate,
        ["enddate"] = Field.EndDate, ["end"] = Field.EndDate, ["lastday"] = Field.EndDate, ["leavingdate"] = Field.EndDate, ["left"] = Field.EndDate, ["terminationdate"] = Field.EndDate,
        ["screening"] = Field.Screening, ["screeningstatus"] = Field.Screening, ["backgroundcheck"] = Field.Screening,
        ["screenedon"] = Field.ScreenedOn, ["screeningdate"] = Field.ScreenedOn, ["backgroundcheckdate"] = Field.ScreenedOn,
        ["ndasignedon"] = Field.NdaSignedOn, ["ndasigned"] = Field.NdaSignedOn, ["ndadate"] = Field.NdaSignedOn, ["confidentialitysignedon"] = Field.NdaSignedOn,
        ["confidentialitysigned"] = Field.NdaSignedOn,
        ["confidentialityterms"] = Field.Terms, ["ndaterms"] = Field.Terms, ["nda"] = Field.Terms,
        ["active"] = Field.Active,
        ["status"] = Field.Computed,
    };

    private static readonly Dictionary<Field, string> ColumnNames = new()
    {
        [Field.Name] = "Name", [Field.Email] = "Email", [Field.Type] = "Type", [Field.Department] = "Department", [Field.Manager] = "Manager", [Field.Role] = "Role",
        [Field.Location] = "Location", [Field.StartDate] = "Start date", [Field.EndDate] = "End date", [Field.Screening] = "Screening", [Field.ScreenedOn] = "Screened on",
        [Field.NdaSignedOn] = "NDA signed on", [Field.Terms] = "Confidentiality terms", [Field.Active] = "Active",
    };

    private sealed class Planned
    {
        public required string Label { get; init; }
        public required Guid Id { get; init; }
        public required Person? Existing { get; init; }
        public required PersonInput Input { get; set; }
        public string ManagerText { get; init; } = "";
    }

    /// <summary>Imports the people in <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/> (.csv or .xlsx).</summary>
    /// <exception cref="ValidationFailedException">The file cannot be read or any row is wrong (field <c>File</c>); nothing was changed.</exception>
    public async Task<PeopleImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx")) throw ValidationFailedException.For("File", $"'{fileName}' is not a file the people import reads; use .csv or .xlsx.");
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        // The CSV export escapes a cell a spreadsheet would run as a formula with an apostrophe; take it off again.
        if (extension == ".csv") table = table with { Rows = table.Rows.Select(r => r with { Cells = r.Cells.Select(Unescape).ToList() }).ToList() };

        var (columns, ignored) = Match(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no people: the table has a header but no rows.");

        var existing = await db.People.ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(p => p.EmailKey, StringComparer.Ordinal);
        var errors = new List<string>();
        var planned = new List<Planned>();
        var inFile = new Dictionary<string, Planned>(StringComparer.Ordinal);
        string Cell(PolicyIndexRow row, Field field) => columns.TryGetValue(field, out var index) ? row.Cell(index) : "";

        foreach (var row in rows)
        {
            var problems = new List<(Field Field, string Message)>();
            var email = Cell(row, Field.Email);
            var key = PersonLookup.KeyOf(email);
            if (email.Length == 0) problems.Add((Field.Email, "is required: people are matched by e-mail."));
            else if (!PersonRules.IsEmail(email)) problems.Add((Field.Email, $"'{email}' is not an e-mail address (name@example.com)."));
            else if (inFile.TryGetValue(key, out var earlier)) problems.Add((Field.Email, $"{email} is also on {earlier.Label}; list each person once."));
            var current = key.Length > 0 ? byKey.GetValueOrDefault(key) : null;
            var input = current is null ? new PersonInput("", email) : SavePerson.InputOf(current);
            var name = Cell(row, Field.Name);
            if (name.Length > 0) input = input with { Name = name };
            else if (current is null) problems.Add((Field.Name, "is required for a person not yet in the register."));
            if (email.Length > 0) input = input with { Email = email };
            input = input with
            {
                Department = Text(row, Field.Department, input.Department),
                Role = Text(row, Field.Role, input.Role),
                Location = Text(row, Field.Location, input.Location),
                ConfidentialityTerms = Text(row, Field.Terms, input.ConfidentialityTerms),
                StartDate = Day(row, Field.StartDate, input.StartDate),
                EndDate = Day(row, Field.EndDate, input.EndDate),
                ScreenedOn = Day(row, Field.ScreenedOn, input.ScreenedOn),
                ConfidentialitySignedOn = Day(row, Field.NdaSignedOn, input.ConfidentialitySignedOn),
            };
            if (Cell(row, Field.Type) is { Length: > 0 } typeText)
            {
                if (TypeOf(typeText) is { } type) input = input with { Type = type };
                else problems.Add((Field.Type, $"'{typeText}' is not a type of person; use Employee, Contractor or Third party."));
            }
            if (Cell(row, Field.Screening) is { Length: > 0 } screeningText)
            {
                if (ScreeningOf(screeningText) is { } screening) input = input with { Screening = screening };
                else problems.Add((Field.Screening, $"'{screeningText}' is not a screening status; use Not started, In progress, Passed, Failed or Not required."));
            }
            if (Cell(row, Field.Active) is { Length: > 0 } activeText)
            {
                if (Flag(activeText) is { } active) input = input with { Active = active };
                else problems.Add((Field.Active, $"'{activeText}' is neither yes nor no."));
            }
            foreach (var (field, messages) in ErrorsOf(PersonRules.Validate(input)))
            {
                var column = FieldOf(field);
                // Name, e-mail and the screening date were checked above in the file's own words, or are already reported.
                if (column is Field.Name or Field.Email && problems.Any(p => p.Field == column)) continue;
                problems.AddRange(messages.Select(m => (column, m)));
            }
            errors.AddRange(problems.Select(p => $"{row.Label}, column {ColumnNames[p.Field]}: {p.Message}"));
            var plan = new Planned { Label = row.Label, Id = current?.Id ?? Guid.CreateVersion7(), Existing = current, Input = input, ManagerText = Cell(row, Field.Manager) };
            if (key.Length > 0) inFile.TryAdd(key, plan);
            planned.Add(plan);

            string Text(PolicyIndexRow r, Field field, string? now) => Cell(r, field) is { Length: > 0 } value ? value : now ?? "";
            DateOnly? Day(PolicyIndexRow r, Field field, DateOnly? now)
            {
                var text = Cell(r, field);
                if (text.Length == 0) return now;
                if (ParseDay(text) is { } day) return day;
                problems.Add((field, $"'{text}' is not a date; write it as yyyy-mm-dd."));
                return now;
            }
        }

        // Managers, now that every row of the file is known.
        var managerOf = existing.ToDictionary(p => p.Id, p => p.ManagerId);
        foreach (var plan in planned) managerOf[plan.Id] = plan.Input.ManagerId;
        foreach (var plan in planned.Where(p => p.ManagerText.Length > 0))
        {
            var key = PersonLookup.KeyOf(plan.ManagerText);
            var manager = inFile.GetValueOrDefault(key)?.Id ?? byKey.GetValueOrDefault(key)?.Id;
            if (manager is null) errors.Add($"{plan.Label}, column {ColumnNames[Field.Manager]}: {plan.ManagerText} is neither in the register nor in this file.");
            else if (manager == plan.Id) errors.Add($"{plan.Label}, column {ColumnNames[Field.Manager]}: a person cannot be their own manager.");
            else
            {
                plan.Input = plan.Input with { ManagerId = manager };
                managerOf[plan.Id] = manager;
            }
        }
        var nameOf = existing.ToDictionary(p => p.Id, p => p.Name);
        foreach (var plan in planned) nameOf[plan.Id] = plan.Input.Name;
        foreach (var plan in planned.Where(p => p.ManagerText.Length > 0 && p.Input.ManagerId is not null))
        {
            if (PersonRules.CycleThrough(plan.Id, plan.Input.ManagerId!.Value, managerOf) is { } loop)
            {
                errors.Add($"{plan.Label}, column {ColumnNames[Field.Manager]}: would make a loop of managers: {string.Join(" → ", loop.Select(id => nameOf.GetValueOrDefault(id, "?")))}.");
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        // Accounts to link by e-mail: the organization's members not yet linked to anyone.
        var linked = existing.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).ToHashSet();
        var members = (await (from u in db.Users.AsNoTracking()
                              join m in db.Memberships on u.Id equals m.UserId
                              select new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken))
            .Where(m => m.NormalizedEmail is not null && !linked.Contains(m.Id))
            .GroupBy(m => m.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        int created = 0, updated = 0, unchanged = 0;
        foreach (var plan in planned)
        {
            var person = plan.Existing;
            var before = person is null ? null : new { person.StartDate, person.EndDate };
            if (person is null)
            {
                person = new Person { Id = plan.Id, Name = plan.Input.Name, Email = plan.Input.Email, Source = PersonSource.Import };
                db.People.Add(person);
                created++;
            }
            SavePerson.Apply(person, plan.Input);
            if (person.UserId is null && members.Remove(person.EmailKey.ToUpperInvariant(), out var user)) person.UserId = user;
            if (before is not null)
            {
                if (db.Entry(person).State == EntityState.Modified) updated++;
                else unchanged++;
            }
            await Checklists.FollowDatesAsync(db, person, before?.StartDate, before?.EndDate, isNew: before is null, cancellationToken);
        }
        await db.SaveAsync("person", cancellationToken);
        db.ChangeTracker.Clear();
        return new PeopleImportResult(created, updated, unchanged, ignored);
    }

    private static (Dictionary<Field, int> Columns, List<string> Ignored) Match(IReadOnlyList<string> headers, string fileName)
    {
        var found = new Dictionary<Field, int>();
        var ignored = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var normalized = PolicyIndexColumns.Normalize(headers[i]);
            if (normalized.Length == 0) continue;
            if (!Names.TryGetValue(normalized, out var field)) { ignored.Add(headers[i].Trim()); continue; }
            if (field == Field.Computed) continue;
            if (found.TryGetValue(field, out var other)) errors.Add($"{fileName}: columns '{headers[other].Trim()}' and '{headers[i].Trim()}' are both {ColumnNames[field]}; keep one.");
            else found[field] = i;
        }
        foreach (var required in new[] { Field.Name, Field.Email })
        {
            if (!found.ContainsKey(required)) errors.Add($"{fileName} has no {ColumnNames[required]} column; the header row needs at least Name and Email.");
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });
        return (found, ignored);
    }

    private static Field FieldOf(string inputField) => inputField switch
    {
        nameof(PersonInput.Name) => Field.Name,
        nameof(PersonInput.Email) => Field.Email,
        nameof(PersonInput.Type) => Field.Type,
        nameof(PersonInput.Department) => Field.Department,
        nameof(PersonInput.Role) => Field.Role,
        nameof(PersonInput.Location) => Field.Location,
        nameof(PersonInput.StartDate) => Field.StartDate,
        nameof(PersonInput.EndDate) => Field.EndDate,
        nameof(PersonInput.Screening) => Field.Screening,
        nameof(PersonInput.ScreenedOn) => Field.ScreenedOn,
        nameof(PersonInput.ConfidentialitySignedOn) => Field.NdaSignedOn,
        nameof(PersonInput.ConfidentialityTerms) => Field.Terms,
        _ => Field.Name,
    };

    internal static DateOnly? ParseDay(string text)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return DateOnly.FromDateTime(parsed);
        return null;
    }

    internal static PersonType? TypeOf(string text) => PolicyIndexColumns.Normalize(text) switch
    {
        "employee" or "staff" or "permanent" or "fulltime" or "parttime" => PersonType.Employee,
        "contractor" or "consultant" or "freelancer" or "temporary" or "temp" or "interim" => PersonType.Contractor,
        "thirdparty" or "external" or "vendor" or "supplier" or "partner" or "guest" => PersonType.ThirdParty,
        _ => null,
    };

    internal static ScreeningStatus? ScreeningOf(string text) => PolicyIndexColumns.Normalize(text) switch
    {
        "notstarted" or "none" or "todo" => ScreeningStatus.NotStarted,
        "inprogress" or "pending" or "started" => ScreeningStatus.InProgress,
        "passed" or "done" or "complete" or "completed" or "cleared" or "yes" => ScreeningStatus.Passed,
        "failed" => ScreeningStatus.Failed,
        "notrequired" or "na" or "notapplicable" => ScreeningStatus.NotRequired,
        _ => null,
    };

    private static bool? Flag(string text) => PolicyIndexColumns.Normalize(text) switch
    {
        "yes" or "y" or "true" or "1" or "active" => true,
        "no" or "n" or "false" or "0" or "inactive" => false,
        _ => null,
    };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validation validation)
    {
        try
        {
            validation.ThrowIfInvalid();
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException invalid)
        {
            return invalid.Errors;
        }
    }

    private static string Unescape(string cell)
    {
        var value = cell.TrimStart();
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '@' or '+' or '-' or '\t' or '\r' ? value[1..] : cell;
    }
}
