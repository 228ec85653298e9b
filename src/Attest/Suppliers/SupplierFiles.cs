using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Suppliers;

/// <summary>
/// The supplier register as a spreadsheet, one row per supplier by reference, in the columns of <see cref="Columns"/>: choices by name
/// (<c>Critical</c>, <c>Active</c>), yes/no as <c>yes</c>/<c>no</c>, dates as yyyy-MM-dd, the owner as a member's e-mail, certifications as
/// <c>ISO/IEC 27001 (2026-09-30); SOC 2 Type II</c>, assets and risks as references. The file imports back unchanged
/// (<see cref="ImportSupplierRegister"/>), so an export is also the template for an import.
/// </summary>
public static class SupplierRegisterExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Name", "Service", "Criticality", "Status", "Data classification", "Personal data", "Subprocessor", "Contract start", "Contract end",
        "DPA signed", "Last review", "Next review", "Risk level", "Owner", "Website", "Contact email", "Certifications", "Assets", "Risks", "Notes",
    ];

    public const string SheetName = "Suppliers";

    private static readonly int[] SheetWidths = [10, 30, 40, 10, 10, 14, 8, 8, 12, 12, 12, 12, 12, 10, 28, 30, 28, 50, 30, 20, 60];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Spreadsheets.Csv(Columns, (await LoadAsync(db, cancellationToken)).Select(r => r.Select(c => c ?? "").ToArray()));

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Spreadsheets.Xlsx(SheetName, Columns, SheetWidths, (await LoadAsync(db, cancellationToken)).Select(r => r.Cast<object?>().ToArray()));

    /// <summary>
    /// The sub-processor list a client or a DPA annex asks for: every active or proposed supplier marked as a sub-processor, with what they do,
    /// the data they process, where to find them, the DPA date and their certifications.
    /// </summary>
    public static async Task<byte[]> SubprocessorsCsvAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.Subprocessor && s.Status != SupplierStatus.Offboarded)
            .Select(s => new { s.Id, s.Name, s.Service, s.DataClassification, s.Website, s.ContactEmail, s.DpaSignedOn, s.Status }).ToListAsync(cancellationToken);
        var certifications = await CertificationsAsync(db, cancellationToken);
        return Spreadsheets.Csv(["Sub-processor", "Service", "Data processed", "Website", "Contact", "DPA signed", "Certifications", "Status"],
            suppliers.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new[]
            {
                s.Name, s.Service, s.DataClassification, s.Website, s.ContactEmail, Date(s.DpaSignedOn), certifications.GetValueOrDefault(s.Id, ""), s.Status.ToString(),
            }));
    }

    private static async Task<Dictionary<Guid, string>> CertificationsAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        (await db.SupplierCertifications.AsNoTracking().Select(c => new { c.SupplierId, c.Name, c.ValidUntil }).ToListAsync(cancellationToken))
            .GroupBy(c => c.SupplierId)
            .ToDictionary(g => g.Key, g => CertificationNotation.Format(g.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Name, c.ValidUntil))));

    /// <summary>Every supplier's cells in <see cref="Columns"/> order, by reference: five queries whatever the size of the register.</summary>
    internal static async Task<List<string?[]>> LoadAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var suppliers = await db.Suppliers.AsNoTracking().ToListAsync(cancellationToken);
        var ownerIds = suppliers.Where(s => s.OwnerId is not null).Select(s => s.OwnerId!.Value).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var certifications = await CertificationsAsync(db, cancellationToken);
        var assets = (await db.SupplierAssets.AsNoTracking().Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => new { l.SupplierId, a.Reference }).ToListAsync(cancellationToken))
            .GroupBy(x => x.SupplierId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Reference).Order(StringComparer.Ordinal)));
        var risks = (await db.SupplierRisks.AsNoTracking().Join(db.Risks, l => l.RiskId, r => r.Id, (l, r) => new { l.SupplierId, r.Reference }).ToListAsync(cancellationToken))
            .GroupBy(x => x.SupplierId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Reference).Order(StringComparer.Ordinal)));
        return suppliers.OrderBy(s => s.Reference, StringComparer.Ordinal).Select(s => new string?[]
        {
            s.Reference, s.Name, s.Service, s.Criticality.ToString(), s.Status.ToString(), s.DataClassification, YesNo(s.ProcessesPersonalData), YesNo(s.Subprocessor),
            Date(s.ContractStartOn), Date(s.ContractEndOn), Date(s.DpaSignedOn), Date(s.LastReviewOn), Date(s.NextReviewOn), s.RiskLevel?.ToString() ?? "",
            s.OwnerId is { } owner ? owners.GetValueOrDefault(owner, "") : "", s.Website, s.ContactEmail, certifications.GetValueOrDefault(s.Id, ""),
            assets.GetValueOrDefault(s.Id, ""), risks.GetValueOrDefault(s.Id, ""), s.Notes,
        }).ToList();
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>"ISO/IEC 27001 (2026-09-30); SOC 2 Type II": certifications with optional expiry dates, as the spreadsheets write them.</summary>
public static class CertificationNotation
{
    public static string Format(IEnumerable<(string Name, DateOnly? ValidUntil)> certifications) =>
        string.Join("; ", certifications.Select(c => c.ValidUntil is { } until ? $"{c.Name} ({SupplierRegisterExport.Date(until)})" : c.Name));

    public static IReadOnlyList<(string Name, DateOnly? ValidUntil)> Parse(string text, List<string> problems)
    {
        var result = new List<(string, DateOnly?)>();
        foreach (var part in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = part.LastIndexOf('(');
            if (open > 0 && part.EndsWith(')'))
            {
                var dateText = part[(open + 1)..^1].Trim();
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                {
                    problems.Add($"'{dateText}' in '{part}' is not a date; write yyyy-MM-dd.");
                    continue;
                }
                result.Add((part[..open].Trim(), until));
            }
            else result.Add((part, null));
        }
        foreach (var (name, _) in result)
        {
            if (name.Length > 200) problems.Add($"'{name[..40]}…' is longer than 200 characters.");
        }
        foreach (var twice in result.GroupBy(r => r.Item1, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)) problems.Add($"'{twice.Key}' is listed twice.");
        return result;
    }
}

public sealed record SupplierImportResult(int Created, int Updated);

/// <summary>
/// Imports a supplier register (CSV or XLSX in the export's columns; header names matched ignoring case and spaces; Name required), all or
/// nothing. A row updates the supplier with its Reference, or else with its Name (ignoring case); any other row creates one. On an update a
/// blank cell keeps what the register says; a non-blank Certifications, Assets or Risks cell replaces that list. Every row is checked first,
/// and the error lists every bad row with its column ("row 7, column Owner: …").
/// </summary>
public sealed class ImportSupplierRegister(AttestDbContext db, SaveSupplier save)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private sealed record Planned(string Label, SupplierInput Input, Supplier? Existing, IReadOnlyList<(string Name, DateOnly? ValidUntil)>? Certifications);

    public async Task<SupplierImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not a register file Attest reads; use .csv or .xlsx with the columns of the supplier export.");
        }
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        var columns = MatchColumns(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no suppliers: the table has a header but no rows.");

        var existing = await db.Suppliers.AsNoTracking().ToListAsync(cancellationToken);
        var byReference = existing.ToDictionary(s => s.Reference, StringComparer.OrdinalIgnoreCase);
        var byName = existing.GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var levels = await SupplierQueries.ClassificationLevelsAsync(db, cancellationToken);
        var owners = await PolicyPeople.FindAsync(db, rows.Select(r => Cell(r, columns, "Owner")), cancellationToken);
        var assetRefs = await db.Assets.AsNoTracking().Select(a => new { a.Reference, a.Id }).ToDictionaryAsync(a => a.Reference, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var riskRefs = await db.Risks.AsNoTracking().Select(r => new { r.Reference, r.Id }).ToDictionaryAsync(r => r.Reference, r => r.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var errors = new List<string>();
        var planned = new List<Planned>();
        var seenNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seenReferences = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var problems = new List<string>();
            void Problem(string column, string message) => problems.Add($"{row.Label}, column {column}: {message}");

            var reference = Cell(row, columns, "Reference");
            var name = Cell(row, columns, "Name");
            if (reference.Length > 0)
            {
                if (seenReferences.TryGetValue(reference, out var first)) Problem("Reference", $"{reference} is also used on {first}.");
                else seenReferences[reference] = row.Label;
            }
            if (name.Length > 0)
            {
                if (seenNames.TryGetValue(name, out var first)) Problem("Name", $"'{name}' is also on {first}.");
                else seenNames[name] = row.Label;
            }
            var current = reference.Length > 0 ? byReference.GetValueOrDefault(reference) : null;
            current ??= name.Length > 0 ? byName.GetValueOrDefault(name) : null;
            if (current is null && name.Length == 0) Problem("Name", "is required for a new supplier.");
            if (current is not null && name.Length > 0 && !string.Equals(current.Name, name, StringComparison.OrdinalIgnoreCase)
                && byName.GetValueOrDefault(name) is { } other && other.Id != current.Id)
            {
                Problem("Name", $"'{name}' is the name of {other.Reference}; {current.Reference} cannot take it.");
            }

            var input = current is null ? new SupplierInput(name) : SaveSupplier.InputOf(current);
            input = input with
            {
                Name = name.Length > 0 ? name : input.Name,
                Reference = reference.Length > 0 ? reference : current?.Reference,
                Service = Text(row, columns, "Service", input.Service),
                Website = Text(row, columns, "Website", input.Website),
                ContactEmail = Text(row, columns, "Contact email", input.ContactEmail),
                Notes = Text(row, columns, "Notes", input.Notes),
                Criticality = Choice(row, columns, "Criticality", input.Criticality, Problem),
                Status = Choice(row, columns, "Status", input.Status, Problem),
                ProcessesPersonalData = Flag(row, columns, "Personal data", input.ProcessesPersonalData, Problem),
                Subprocessor = Flag(row, columns, "Subprocessor", input.Subprocessor, Problem),
                ContractStartOn = DateCell(row, columns, "Contract start", input.ContractStartOn, Problem),
                ContractEndOn = DateCell(row, columns, "Contract end", input.ContractEndOn, Problem),
                DpaSignedOn = DateCell(row, columns, "DPA signed", input.DpaSignedOn, Problem),
                LastReviewOn = DateCell(row, columns, "Last review", input.LastReviewOn, Problem),
                NextReviewOn = DateCell(row, columns, "Next review", input.NextReviewOn, Problem),
            };
            if (Cell(row, columns, "Risk level") is { Length: > 0 } riskText)
            {
                if (Parse<SupplierCriticality>(riskText) is { } level) input = input with { RiskLevel = level };
                else Problem("Risk level", $"'{riskText}' is not one of {string.Join(", ", Enum.GetNames<SupplierCriticality>())}.");
            }
            if (Cell(row, columns, "Data classification") is { Length: > 0 } classification)
            {
                var match = levels.FirstOrDefault(l => string.Equals(l, classification, StringComparison.OrdinalIgnoreCase));
                if (match is null) Problem("Data classification", $"'{classification}' is not a classification level of this organization; use {string.Join(", ", levels)}.");
                else input = input with { DataClassification = match };
            }
            if (Cell(row, columns, "Owner") is { Length: > 0 } ownerText)
            {
                if (owners.GetValueOrDefault(ownerText) is { UserId: { } user }) input = input with { OwnerId = user };
                else Problem("Owner", PolicyPeople.Problem(ownerText, owners));
            }
            if (Cell(row, columns, "Assets") is { Length: > 0 } assetText)
            {
                var ids = new List<Guid>();
                foreach (var wanted in Split(assetText))
                {
                    if (assetRefs.TryGetValue(wanted, out var id)) ids.Add(id);
                    else Problem("Assets", $"{wanted} is not an asset reference here.");
                }
                input = input with { AssetIds = ids };
            }
            if (Cell(row, columns, "Risks") is { Length: > 0 } riskRefsText)
            {
                var ids = new List<Guid>();
                foreach (var wanted in Split(riskRefsText))
                {
                    if (riskRefs.TryGetValue(wanted, out var id)) ids.Add(id);
                    else Problem("Risks", $"{wanted} is not a risk reference here.");
                }
                input = input with { RiskIds = ids };
            }
            IReadOnlyList<(string, DateOnly?)>? certifications = null;
            if (Cell(row, columns, "Certifications") is { Length: > 0 } certificationText)
            {
                var certificationProblems = new List<string>();
                certifications = CertificationNotation.Parse(certificationText, certificationProblems);
                foreach (var p in certificationProblems) Problem("Certifications", p);
            }
            if (reference.Length > 0 && current is not null && !string.Equals(current.Reference, reference, StringComparison.Ordinal) && byReference.ContainsKey(reference))
            {
                Problem("Reference", $"{reference} is already used by another supplier.");
            }
            foreach (var (field, messages) in ErrorsOf(SaveSupplier.Validate(input)))
            {
                if (field == nameof(SupplierInput.Name) && name.Length == 0 && current is null) continue;
                foreach (var message in messages) Problem(ColumnOf(field), message);
            }
            errors.AddRange(problems);
            if (problems.Count == 0) planned.Add(new Planned(row.Label, input, current, certifications));
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        int created = 0, updated = 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Rows that name their reference go first, so the references given to the others never take one the file uses.
        foreach (var row in planned.OrderBy(r => r.Input.Reference is null))
        {
            try
            {
                var id = await save.RunAsync(row.Existing?.Id, row.Input, cancellationToken);
                if (row.Certifications is { } wanted) await ReplaceCertificationsAsync(id, wanted, cancellationToken);
                if (row.Existing is null) created++;
                else updated++;
                // Forgetting what is saved keeps the thousandth row as cheap as the first.
                db.ChangeTracker.Clear();
            }
            catch (ValidationFailedException refused)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["File"] = refused.Errors.SelectMany(e => e.Value.Select(m => $"{row.Label}, column {ColumnOf(e.Key)}: {m}")).ToArray(),
                });
            }
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new SupplierImportResult(created, updated);
    }

    /// <summary>Makes the supplier's certifications those listed, keeping the evidence link of any that stays.</summary>
    private async Task ReplaceCertificationsAsync(Guid supplierId, IReadOnlyList<(string Name, DateOnly? ValidUntil)> wanted, CancellationToken cancellationToken)
    {
        var current = await db.SupplierCertifications.Where(c => c.SupplierId == supplierId).ToListAsync(cancellationToken);
        db.SupplierCertifications.RemoveRange(current.Where(c => !wanted.Any(w => string.Equals(w.Name, c.Name, StringComparison.OrdinalIgnoreCase))));
        foreach (var (name, until) in wanted)
        {
            var match = current.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null) db.SupplierCertifications.Add(new SupplierCertification { SupplierId = supplierId, Name = name, ValidUntil = until });
            else
            {
                match.Name = name;
                match.ValidUntil = until;
            }
        }
        await db.SaveAsync("certification", cancellationToken);
    }

    private static Dictionary<string, int> MatchColumns(IReadOnlyList<string> headers, string fileName)
    {
        var known = SupplierRegisterExport.Columns.ToDictionary(PolicyIndexColumns.Normalize, c => c);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = PolicyIndexColumns.Normalize(headers[i]);
            if (name.Length == 0) continue;
            if (!known.TryGetValue(name, out var column))
            {
                errors.Add($"{fileName}: column '{headers[i].Trim()}' is not a register column; the columns are {string.Join(", ", SupplierRegisterExport.Columns)}.");
            }
            else if (found.ContainsKey(column)) errors.Add($"{fileName}: column {column} appears twice; keep one.");
            else found[column] = i;
        }
        if (!found.ContainsKey("Name")) errors.Add($"{fileName} has no Name column; the header row needs at least Name.");
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });
        return found;
    }

    private static string Cell(PolicyIndexRow row, Dictionary<string, int> columns, string column)
    {
        if (!columns.TryGetValue(column, out var index)) return "";
        var value = row.Cell(index);
        // The CSV export escapes a cell a spreadsheet would run as a formula with an apostrophe; take it off again.
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '@' or '+' or '-' or '\t' or '\r' ? value[1..] : value;
    }

    private static string? Text(PolicyIndexRow row, Dictionary<string, int> columns, string column, string? current) =>
        Cell(row, columns, column) is { Length: > 0 } value ? value : current;

    private static TEnum Choice<TEnum>(PolicyIndexRow row, Dictionary<string, int> columns, string column, TEnum current, Action<string, string> problem)
        where TEnum : struct, Enum
    {
        var text = Cell(row, columns, column);
        if (text.Length == 0) return current;
        if (Parse<TEnum>(text) is { } value) return value;
        problem(column, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return current;
    }

    private static TEnum? Parse<TEnum>(string text) where TEnum : struct, Enum
    {
        var wanted = PolicyIndexColumns.Normalize(text);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (PolicyIndexColumns.Normalize(value.ToString()) == wanted) return value;
        }
        return null;
    }

    private static bool Flag(PolicyIndexRow row, Dictionary<string, int> columns, string column, bool current, Action<string, string> problem)
    {
        var text = Cell(row, columns, column).ToLowerInvariant();
        switch (text)
        {
            case "": return current;
            case "yes" or "y" or "true" or "1" or "x": return true;
            case "no" or "n" or "false" or "0": return false;
            default:
                problem(column, $"'{text}' is neither yes nor no.");
                return current;
        }
    }

    private static DateOnly? DateCell(PolicyIndexRow row, Dictionary<string, int> columns, string column, DateOnly? current, Action<string, string> problem)
    {
        var text = Cell(row, columns, column);
        if (text.Length == 0) return current;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem(column, $"'{text}' is not a date; write yyyy-MM-dd.");
        return current;
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>The column a field of <see cref="SupplierInput"/> is read from, for messages.</summary>
    private static string ColumnOf(string field) => field switch
    {
        nameof(SupplierInput.DataClassification) => "Data classification",
        nameof(SupplierInput.ProcessesPersonalData) => "Personal data",
        nameof(SupplierInput.ContractStartOn) => "Contract start",
        nameof(SupplierInput.ContractEndOn) => "Contract end",
        nameof(SupplierInput.DpaSignedOn) => "DPA signed",
        nameof(SupplierInput.LastReviewOn) => "Last review",
        nameof(SupplierInput.NextReviewOn) => "Next review",
        nameof(SupplierInput.RiskLevel) => "Risk level",
        nameof(SupplierInput.OwnerId) => "Owner",
        nameof(SupplierInput.ContactEmail) => "Contact email",
        nameof(SupplierInput.AssetIds) => "Assets",
        nameof(SupplierInput.RiskIds) => "Risks",
        _ => field,
    };
}
