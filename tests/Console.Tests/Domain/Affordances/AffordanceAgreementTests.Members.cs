using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;

namespace EcsConsole.Tests.Domain.Affordances;

/// <summary>ADR-011 for the members page: <see cref="MemberAffordances"/> and <see cref="MemberService"/> agree.</summary>
public sealed partial class AffordanceAgreementTests
{
    [Theory]
    [InlineData(DemoWorld.Alice, DemoWorld.Alice, false)] // the last Admin
    [InlineData(DemoWorld.Alice, DemoWorld.Alice, true)] // another Admin remains
    [InlineData(DemoWorld.Alice, DemoWorld.Bob, false)]
    [InlineData(DemoWorld.Bob, DemoWorld.Alice, false)] // a read-only member
    [InlineData(DemoWorld.Root, DemoWorld.Bob, false)] // the platform admin
    public async Task Member_AffordanceAndServiceAgree(string user, string target, bool bobIsAdmin)
    {
        var members = _services.Get<MemberService>();
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var list = (await members.ListAsync(alice)).Value;
        if (bobIsAdmin)
        {
            await members.ChangeRoleAsync(alice, list.Single(m => m.Email == DemoWorld.Bob).UserId, AccountRole.Admin);
            list = (await members.ListAsync(alice)).Value;
        }

        var actor = await _db.ActorAsync(user);
        var member = list.Single(m => m.Email == target);
        var answer = MemberAffordances.Check(actor, member, list, MemberAction.Remove);

        var refused = (await members.RemoveAsync(actor, member.UserId)).Error;

        Assert.Equal(answer?.Code, refused?.Code);
    }
}
