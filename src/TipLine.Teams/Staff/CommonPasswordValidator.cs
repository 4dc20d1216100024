using Microsoft.AspNetCore.Identity;

namespace TipLine.Teams.Staff;

/// <summary>
/// Length over composition (Identity asks for 12 characters and nothing else), and no password an attacker would guess
/// early: zxcvbn's estimate, whose dictionaries hold the 30,000 most common passwords of public breaches, English words,
/// names and keyboard patterns, and here also the member's own email and name. Scores 0–2 ("guessable" to "somewhat
/// guessable") are refused.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int LongestPassword = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // Identity's own length rule answers
        if (password.Length > LongestPassword)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Use at most {LongestPassword} characters." }));
        }
        var personal = new[] { user.Email, user.DisplayName, "tipline", "btam", "school" }
            .Concat((user.Email ?? "").Split('@', '.', '-', '_')).Concat(user.DisplayName.Split(' '))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.ToLowerInvariant()).Distinct().ToList();
        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password, personal);
        return Task.FromResult(estimate.Score >= 3 ? IdentityResult.Success : IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordGuessable",
            Description = "This password is too easy to guess: it is common, or built from words, names or patterns an attacker tries first. A few unrelated words make a good one.",
        }));
    }
}
