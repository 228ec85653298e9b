using System.Globalization;
using System.IO.Compression;
using Attest.Data;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Evidence;

/// <summary>What a ZIP import did: evidence items created, and file contents the organization did not hold before.</summary>
public sealed record EvidenceImportResult(int Created, int FilesStored);

/// <summary>
/// Imports many evidence files at once from a ZIP holding the files and a <c>manifest.csv</c> at its top level, all or nothing.
/// The manifest has one row per file, in the columns of <see cref="Columns"/> (header names matched ignoring case, spaces and
/// punctuation): File (the path inside the ZIP), Title and Controls are required columns; Controls, Risks and Documents take
/// references ("CTL-001, CTL-004"), Requirements the ISO notation ("27001 6.1.2; Annex A 5.15"), dates are yyyy-MM-dd.
/// Every row is checked, and every file is read in full into a temporary file (counting, never trusting the sizes the ZIP declares),
/// before anything is saved; then every item is saved in one database transaction. Any problem — a row that does not resolve, a
/// file missing from the ZIP or larger than the upload limit, a ZIP entry the manifest does not name, a path that leaves the ZIP
/// ("../"), a file named twice — means nothing is saved, and the error names it ("manifest.csv row 3: Controls: …", the header
/// being row 1). A ZIP that expands beyond <see cref="MaxExpandedBytes"/> or holds more than <see cref="MaxEntries"/> entries is
/// refused as soon as that is known.
/// </summary>
/// <remarks>
/// Files are moved into the store as their items are saved; if a later row then fails, the transaction rolls back and the files
/// already stored stay as unreferenced content (named by their hash, so harmless, and reused if the same content comes again).
/// </remarks>
public sealed class ImportEvidenceZip(AttestDbContext db, EvidenceUploads uploads, SaveEvidence save, EvidenceOptions options)
{
    /// <summary>The largest ZIP accepted, as uploaded.</summary>
    public const long MaxZipBytes = 2L * 1024 * 1024 * 1024;
    /// <summary>The most the ZIP may expand to, all entries together, counted while reading.</summary>
    public const long MaxExpandedBytes = 2L * 1024 * 1024 * 1024;
    public const int MaxEntries = 5_000;
    public const int MaxManifestBytes = 10 * 1024 * 1024;
    public const string ManifestName = "manifest.csv";

    /// <summary>The manifest's columns, in the order a template would list them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["File", "Title", "Controls", "Collected on", "Valid until", "Description", "Requirements", "Risks", "Documents"];

    private static readonly string[] RequiredColumns = ["File", "Title", "Controls"];

    private sealed record PlannedRow(int Index, string Label, string Path, EvidenceInput Input)
    {
        public ReceivedFile? File { get; set; }
    }

    /// <summary>Imports the ZIP in <paramref name="zip"/> (read to a temporary file first unless it can seek).</summary>
    /// <exception cref="ValidationFailedException">The ZIP cannot be read, or any row or entry is wrong (field <c>File</c>; nothing was saved).</exception>
    public async Task<EvidenceImportResult> RunAsync(Stream zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        string? copy = null;
        var planned = new List<PlannedRow>();
        try
        {
            Stream source = zip;
            if (!zip.CanSeek)
            {
                copy = await CopyToTemporaryFileAsync(zip, cancellationToken);
                source = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            }
            else if (zip.Length - zip.Position > MaxZipBytes)
            {
                throw Invalid($"The ZIP is larger than {MaxZipBytes / 1024 / 1024 / 1024} GB; split it into several imports.");
            }
            await using (source == zip ? null : source)
            {
                ZipArchive archive;
                try
                {
                    archive = await ZipArchive.CreateAsync(source, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
                }
                catch (InvalidDataException unreadable)
                {
                    throw Invalid($"The upload is not a ZIP file Attest can read: {unreadable.Message}");
                }
                await using (archive)
                {
                    try
                    {
                        return await ImportAsync(archive, planned, cancellationToken);
                    }
                    catch (ExpansionLimitException tooLarge)
                    {
                        throw Invalid(tooLarge.Message);
                    }
                }
            }
        }
        finally
        {
            foreach (var row in planned) row.File?.Dispose();
            if (copy is not null && File.Exists(copy)) File.Delete(copy);
        }
    }

    private async Task<EvidenceImportResult> ImportAsync(ZipArchive archive, List<PlannedRow> planned, CancellationToken cancellationToken)
    {
        if (archive.Entries.Count > MaxEntries) throw Invalid($"The ZIP holds {archive.Entries.Count} entries; at most {MaxEntries} can be imported at once.");
        var budget = new ExpansionBudget(MaxExpandedBytes);
        var errors = new List<(int Order, string Message)>();

        // Entries by their path; the manifest itself and what operating systems add on their own are not evidence.
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        ZipArchiveEntry? manifest = null;
        foreach (var entry in archive.Entries)
        {
            if (EntryPath(entry.FullName) is not { } path)
            {
                errors.Add((0, $"ZIP entry '{Printable(entry.FullName)}' has an unsafe path (absolute, with a drive, or with '..'); keep every file inside the ZIP."));
                continue;
            }
            if (path.EndsWith('/') || IsSystemLitter(path)) continue;
            if (string.Equals(path, ManifestName, StringComparison.OrdinalIgnoreCase) && manifest is null)
            {
                manifest = entry;
                continue;
            }
            if (!entries.TryAdd(path, entry)) errors.Add((0, $"ZIP entry '{Printable(path)}' appears more than once; keep one."));
        }
        if (manifest is null) throw Invalid($"The ZIP has no {ManifestName} at its top level; add one with the columns {string.Join(", ", Columns)}.");

        var table = PolicyIndexTable.Read(await ReadManifestAsync(manifest, budget, cancellationToken), ManifestName);
        var columns = MatchColumns(table.Headers);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw Invalid($"{ManifestName} lists no files: it has a header but no rows.");

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var links = new Dictionary<(string, string, string, string), (List<EvidenceLinkInput>? Links, List<string> Problems)>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var label = $"{ManifestName} {row.Label}";
            var problems = new List<string>();
            string Cell(string column) => columns.TryGetValue(column, out var at) ? row.Cell(at) : "";

            var fileText = Cell("File");
            string? path = null;
            if (fileText.Length == 0) problems.Add("File: is required: give the file's path inside the ZIP.");
            else if (EntryPath(fileText) is not { } wanted || wanted.EndsWith('/')) problems.Add($"File: '{Printable(fileText)}' is not a safe path of a file inside the ZIP.");
            else if (named.TryGetValue(wanted, out var first)) problems.Add($"File: {wanted} is also on {first}; name each file once.");
            else
            {
                named[wanted] = row.Label;
                if (entries.ContainsKey(wanted)) path = wanted;
                else problems.Add($"File: {wanted} is not in the ZIP.");
            }

            var title = Cell("Title");
            if (title.Length == 0) problems.Add("Title: is required.");
            else if (title.Length > 300) problems.Add($"Title: must be at most 300 characters (it has {title.Length}).");
            var description = Cell("Description");
            if (description.Length > 20_000) problems.Add($"Description: must be at most 20000 characters (it has {description.Length}).");

            var collected = Date(Cell("Collected on"), "Collected on", problems);
            var validUntil = Date(Cell("Valid until"), "Valid until", problems);
            if (validUntil is { } until && until < (collected ?? today))
            {
                problems.Add(collected is null ? "Valid until: must not be before today, the collection date when Collected on is blank." : "Valid until: must not be before Collected on.");
            }

            // Many rows name the same controls: each distinct set of references is looked up once.
            var key = (Cell("Controls"), Cell("Risks"), Cell("Documents"), Cell("Requirements"));
            if (!links.TryGetValue(key, out var linked)) links[key] = linked = await ResolveLinksAsync(key, cancellationToken);
            var (resolved, linkProblems) = linked;
            problems.AddRange(linkProblems);

            errors.AddRange(problems.Select(p => (index + 1, $"{label}: {p}")));
            if (problems.Count == 0 && path is not null && resolved is not null)
            {
                planned.Add(new PlannedRow(index + 1, label, path, new EvidenceInput(title, EvidenceKind.File, description.Length == 0 ? null : description,
                    CollectedOn: collected, ValidUntil: validUntil, Links: resolved, Source: EvidenceSource.Import)));
            }
        }
        foreach (var path in entries.Keys.Where(p => !named.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            errors.Add((int.MaxValue, $"ZIP entry '{Printable(path)}' is not named in {ManifestName}; list it or leave it out of the ZIP."));
        }

        // Every file is received in full (hashed, typed, size-checked) before anything is saved, so a file over the limit fails the whole import.
        foreach (var row in planned)
        {
            try
            {
                await using var content = new CountingStream(await entries[row.Path].OpenAsync(cancellationToken), budget);
                row.File = await uploads.ReceiveAsync(content, System.IO.Path.GetFileName(row.Path), cancellationToken);
            }
            catch (ValidationFailedException refused)
            {
                errors.AddRange(refused.Errors.SelectMany(e => e.Value).Select(m => (row.Index, $"{row.Label}: File: {m}")));
            }
            catch (InvalidDataException unreadable)
            {
                errors.Add((row.Index, $"{row.Label}: File: {row.Path} cannot be read from the ZIP ({unreadable.Message})."));
            }
        }
        if (errors.Count > 0) throw Invalid(errors);

        var contents = planned.Select(r => r.File!.Sha256).Distinct().ToList();
        var known = await db.EvidenceFiles.AsNoTracking().Where(f => contents.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(cancellationToken);

        var outer = db.Database.CurrentTransaction;
        await using var transaction = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        const string savepoint = "evidence_zip_import";
        if (outer is not null) await outer.CreateSavepointAsync(savepoint, cancellationToken);
        var created = 0;
        try
        {
            foreach (var row in planned)
            {
                try
                {
                    await save.RunAsync(null, row.Input, row.File, cancellationToken);
                    created++;
                }
                catch (ValidationFailedException refused)
                {
                    errors.AddRange(refused.Errors.SelectMany(e => e.Value.Select(m => (row.Index, $"{row.Label}: {e.Key}: {m}"))));
                }
                finally
                {
                    // Every save walks every tracked entity: forgetting what is saved keeps the thousandth row as cheap as the first.
                    db.ChangeTracker.Clear();
                }
            }
            if (errors.Count > 0) throw Invalid(errors);
        }
        catch
        {
            if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
            else await outer!.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            throw;
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        else await outer!.ReleaseSavepointAsync(savepoint, cancellationToken);
        return new EvidenceImportResult(created, contents.Except(known).Count());
    }

    private async Task<(List<EvidenceLinkInput>? Links, List<string> Problems)> ResolveLinksAsync((string Controls, string Risks, string Documents, string Requirements) cells,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await EvidenceLinkNotation.ResolveAsync(db, cells.Controls, cells.Risks, cells.Documents, cells.Requirements, cancellationToken), []);
        }
        catch (ValidationFailedException invalid)
        {
            return (null, invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList());
        }
    }

    private async Task<string> CopyToTemporaryFileAsync(Stream zip, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.TemporaryFolder);
        var path = System.IO.Path.Combine(options.TemporaryFolder, Guid.NewGuid().ToString("N") + ".zip.part");
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await zip.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > MaxZipBytes) throw Invalid($"The ZIP is larger than {MaxZipBytes / 1024 / 1024 / 1024} GB; split it into several imports.");
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (size == 0) throw Invalid("The upload is empty: send a ZIP file.");
        return path;
    }

    private static async Task<byte[]> ReadManifestAsync(ZipArchiveEntry manifest, ExpansionBudget budget, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = new CountingStream(await manifest.OpenAsync(cancellationToken), budget);
            return await Documents.Spreadsheets.ReadLimitedAsync(content, ManifestName, MaxManifestBytes, cancellationToken);
        }
        catch (InvalidDataException unreadable)
        {
            throw Invalid($"{ManifestName} cannot be read from the ZIP: {unreadable.Message}");
        }
    }

    private static Dictionary<string, int> MatchColumns(IReadOnlyList<string> headers)
    {
        var known = Columns.ToDictionary(PolicyIndexColumns.Normalize, c => c);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = PolicyIndexColumns.Normalize(headers[i]);
            if (name.Length == 0) continue;
            if (!known.TryGetValue(name, out var column))
            {
                errors.Add($"{ManifestName}: column '{headers[i].Trim()}' is not a manifest column; the columns are {string.Join(", ", Columns)}.");
            }
            else if (!found.TryAdd(column, i)) errors.Add($"{ManifestName}: columns '{headers[found[column]].Trim()}' and '{headers[i].Trim()}' are both {column}; keep one.");
        }
        foreach (var required in RequiredColumns.Where(r => !found.ContainsKey(r)))
        {
            errors.Add($"{ManifestName} has no {required} column; the header row needs at least {string.Join(", ", RequiredColumns)}.");
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = [.. errors] });
        return found;
    }

    /// <summary>
    /// The path of an entry or a manifest cell, with forward slashes and no "./" parts; null when it is absolute, names a drive,
    /// climbs out with "..", or holds control characters. Attest never writes files by these names, but a ZIP that tries is refused.
    /// </summary>
    internal static string? EntryPath(string name)
    {
        var path = name.Trim().Replace('\\', '/');
        if (path.Length == 0 || path.StartsWith('/') || path.Contains(':') || path.Any(char.IsControl)) return null;
        var segments = path.Split('/');
        if (segments.Any(s => s == "..")) return null;
        var kept = segments.Where((s, i) => s != "." && (s.Length > 0 || i == segments.Length - 1)).ToList();
        return kept.Count == 0 || (kept.Count == 1 && kept[0].Length == 0) ? null : string.Join('/', kept);
    }

    /// <summary>Folders and files that archivers add on their own (macOS resource forks, Finder and Explorer caches).</summary>
    private static bool IsSystemLitter(string path) =>
        path.StartsWith("__MACOSX/", StringComparison.Ordinal) || System.IO.Path.GetFileName(path) is ".DS_Store" or "Thumbs.db" or "desktop.ini";

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static DateOnly? Date(string text, string column, List<string> problems)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"{column}: '{text}' is not a date; write it as yyyy-MM-dd.");
        return null;
    }

    private static ValidationFailedException Invalid(string message) => ValidationFailedException.For("File", message);

    private static ValidationFailedException Invalid(List<(int Order, string Message)> errors) =>
        new(new Dictionary<string, string[]> { ["File"] = errors.OrderBy(e => e.Order).Select(e => e.Message).Distinct().ToArray() });

    /// <summary>How many more bytes the ZIP may expand to, shared by every entry read from it.</summary>
    private sealed class ExpansionBudget(long limit)
    {
        private long _used;

        public void Spend(int bytes)
        {
            _used += bytes;
            // Its own exception, so no per-file handler mistakes it for a problem of one row: the whole import stops here.
            if (_used > limit) throw new ExpansionLimitException($"The ZIP expands to more than {limit / 1024 / 1024 / 1024} GB; split it into several imports.");
        }
    }

    private sealed class ExpansionLimitException(string message) : Exception(message);

    /// <summary>Reads an entry and counts what it actually yields, whatever sizes the ZIP's headers declare.</summary>
    private sealed class CountingStream(Stream inner, ExpansionBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Counted(int read)
        {
            budget.Spend(read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
