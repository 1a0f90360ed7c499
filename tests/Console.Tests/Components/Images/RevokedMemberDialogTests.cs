using Bunit;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Images;
using EcsConsole.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components.Images;

/// <summary>
/// A member's open dialog after an Admin demotes, removes or locks them out: OK is refused with <c>Forbidden</c>, the
/// image keeps its attributes, and the audit log records a refusal, not a success (security issue, item 1).
/// </summary>
public sealed class RevokedMemberDialogTests : ComponentTestBase
{
    private const string Eve = "eve@acme.example";
    private const string Hangzhou = "cn-hangzhou";

    public enum Revocation
    {
        DemotedToReadOnly,
        Removed,
        LockedOut,
    }

    [Theory]
    [InlineData(Revocation.DemotedToReadOnly)]
    [InlineData(Revocation.Removed)]
    [InlineData(Revocation.LockedOut)]
    public async Task EditImageDialog_OpenedByAnOperator_IsRefusedOnOk_OnceTheirAccessIsRevoked(Revocation revocation)
    {
        // Arrange: alice adds eve as an Operator; eve signs in and opens Edit Image on acme-base-v1
        var members = new MemberService(Database.Factory, Database.Time, Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Identity.IdentityOptions()));
        var alice = await Database.ActorAsync(DemoWorld.Alice);
        var eve = (await members.AddAsync(alice, Eve, AccountRole.Operator)).Value;
        await SignInAsync(Eve);
        var actor = await Services.GetRequiredService<CurrentActor>().GetAsync();
        Assert.NotNull(actor);
        var image = (await Services.GetRequiredService<ImageCatalogService>()
            .ListAsync(actor, new ImageListQuery { RegionId = Hangzhou })).Value.Items.Single(i => i.Name == "acme-base-v1");
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EditImageDialog>("Edit Image",
            new DialogParameters<EditImageDialog> { { d => d.Actor, actor }, { d => d.Image, image } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[role='dialog']")));
        dialogs.Find("textarea").Change("changed after revocation"); // Image Description, the dialog's one multi-line field

        // Act: the Admin revokes eve's access while the dialog is open, then eve presses OK
        await RevokeAsync(revocation, members, alice, eve.UserId);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Equal(CommonErrors.ForbiddenCode,
            dialogs.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        await using var db = Database.NewContext();
        Assert.Equal(image.Description, await db.Images.Where(i => i.Id == image.Id).Select(i => i.Description).SingleAsync());
        var audited = await db.AuditEntries.Where(e => e.UserId == eve.UserId && e.Action == "ModifyImageAttribute").ToListAsync();
        Assert.Equal(CommonErrors.ForbiddenCode, Assert.Single(audited).ErrorCode);
    }

    private async Task RevokeAsync(Revocation revocation, MemberService members, Actor admin, string userId)
    {
        switch (revocation)
        {
            case Revocation.DemotedToReadOnly:
                Assert.True((await members.ChangeRoleAsync(admin, userId, AccountRole.ReadOnly)).IsSuccess);
                break;
            case Revocation.Removed:
                Assert.True((await members.RemoveAsync(admin, userId)).IsSuccess);
                break;
            case Revocation.LockedOut:
                await using (var db = Database.NewContext())
                {
                    var user = await db.Users.SingleAsync(u => u.Id == userId);
                    user.LockoutEnd = Database.Time.GetUtcNow().AddMinutes(5);
                    await db.SaveChangesAsync();
                }

                break;
        }
    }
}
