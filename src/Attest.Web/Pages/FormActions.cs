using Attest.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages;

/// <summary>How pages that show a list of errors run a use case: the rule broken, the lost race or the vanished record becomes a message and a status.</summary>
internal static class FormActions
{
    /// <summary>True when <paramref name="action"/> succeeded; otherwise its messages are in <paramref name="errors"/> (field: message), the status is 400/404/409 and nothing stays tracked.</summary>
    public static async Task<bool> TryAsync(this PageModel page, AttestDbContext db, List<string> errors, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException invalid)
        {
            errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            page.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            errors.Add(conflict.Message);
            page.Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (RecordNotFoundException missing)
        {
            errors.Add(missing.Message);
            page.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        db.ChangeTracker.Clear();
        return false;
    }
}
