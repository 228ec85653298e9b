using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages;

/// <summary>What the pages of owned records share (interested parties, issues, controls): owner choices, ownership checks, and turning use-case failures into form messages.</summary>
public abstract class OwnedRecordPage<TRecord>(AttestDbContext db, IAuthorizationService authorization) : PageModel
    where TRecord : OrganizationRecord, IOwnedRecord
{
    public sealed record OwnerChoice(Guid Id, string Name);

    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];
    public string? Conflict { get; protected set; }
    public bool IsNew { get; protected set; }
    public bool CanEdit { get; protected set; } = true;

    protected AttestDbContext Db => db;

    /// <summary>Whether the acting person may create records here (Admins, Managers, Contributors); pages readable by all readers check it before a new record.</summary>
    protected bool MayCreate => HttpContext.RequestServices.GetRequiredService<ActingContext>().Role is { } role && Security.Access.Allows(Security.Access.Editor, role);

    protected async Task LoadOwnersAsync() =>
        Owners = await db.Memberships.AsNoTracking()
            .Where(m => m.Role != OrganizationRole.Employee && m.Role != OrganizationRole.Auditor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u)
            .OrderBy(u => u.DisplayName)
            .Select(u => new OwnerChoice(u.Id, u.DisplayName))
            .ToListAsync(HttpContext.RequestAborted);

    protected async Task<TRecord?> FindAsync(Guid id) =>
        await db.Set<TRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);

    /// <summary>The record behind a route id, if it exists here and the person may edit it; else the refusal to return.</summary>
    protected async Task<(TRecord? Record, IActionResult? Refusal)> EditableAsync(string id)
    {
        if (!Guid.TryParse(id, out var guid) || await FindAsync(guid) is not { } record) return (null, NotFound());
        return await MayEditAsync(record) ? (record, null) : (null, Forbid());
    }

    protected async Task<bool> MayEditAsync(TRecord record) =>
        (await authorization.AuthorizeAsync(User, record, Security.RecordOperations.Edit)).Succeeded;

    /// <summary>Runs a save or removal; on a rule broken or a lost race, re-shows the form with the person's input.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> save, string success, Func<Task> reloadCurrent, Func<string>? successUrl = null)
    {
        try
        {
            await save();
            TempData["Success"] = success;
            return Redirect(successUrl?.Invoke() ?? "/context");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages) ModelState.AddModelError(field, message);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message + " What you typed is kept below; saving again replaces the other change.";
            await reloadCurrent();
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        await LoadOwnersAsync();
        return Page();
    }
}
