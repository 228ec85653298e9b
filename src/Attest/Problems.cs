namespace Attest;

/// <summary>Input broke one or more rules; each error names the field and the rule. Nothing was changed.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The record does not exist in the acting organization (or never existed).</summary>
public sealed class RecordNotFoundException(string recordType, object id)
    : Exception($"{recordType} {id} was not found.")
{
    public string RecordType { get; } = recordType;
}

/// <summary>Someone else saved the record after it was loaded; the caller's input was not saved.</summary>
public sealed class EditConflictException(string recordType)
    : Exception($"This {recordType} was changed by someone else after you opened it. Your changes were not saved: review the current version and apply them again.")
{
    public string RecordType { get; } = recordType;
}

/// <summary>Collects validation errors field by field, then throws them together.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required.");
        return MaxLength(field, value, maxLength);
    }

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"must be at most {maxLength} characters (it has {value.Length}).");
        return this;
    }

    public Validation Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) Add(field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}

/// <summary>Runs a save and turns a lost optimistic-concurrency race into <see cref="EditConflictException"/>.</summary>
public static class Saving
{
    public static async Task SaveAsync(this Data.AttestDbContext db, string recordType, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            throw new EditConflictException(recordType);
        }
    }
}
