using System.Text;
using Attest.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Attest.Web.Pages.Account;

/// <summary>The person's own sign-in security: TOTP enrolment, recovery codes, password, sign out everywhere.</summary>
[Authorize(Policy = Access.SignedIn)]
public sealed class SecurityModel(UserManager<User> users, SignInManager<User> signIn, ChangeDisplayTimeZone changeTimeZone) : PageModel
{
    public string? TimeZone { get; private set; }
    public bool MfaEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableMfaAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            Error = "Code: that is not the code your app shows now. Check the app's clock and try again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableMfaAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Two-factor authentication is off.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(string? currentPassword, string? newPassword)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
        if (!result.Succeeded)
        {
            Error = "Password: " + string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed. Other sessions have been signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(string? timeZone)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        try
        {
            await changeTimeZone.RunAsync(user.Id, timeZone, HttpContext.RequestAborted);
        }
        catch (ValidationFailedException invalid)
        {
            Error = invalid.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            TimeZone = timeZone;
            return Page();
        }
        TempData["Success"] = "Dates are now shown in " + (string.IsNullOrWhiteSpace(timeZone) ? "the organization's time zone." : timeZone.Trim() + ".");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // A new security stamp invalidates every cookie issued before it (checked on each request).
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }

    private async Task LoadAsync(User user)
    {
        TimeZone = user.TimeZone;
        MfaEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (MfaEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key renews the security stamp; re-issue this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Attest")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Attest&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrCodeDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
