using EcsConsole.Domain.ImageBuilder;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>
/// The content vocabulary and its checks (image-builder.md §1.3, IB-13, IB-14, IB-20, IB-22, IB-23): pure functions,
/// so every code is one row of a table.
/// </summary>
public sealed class BuildContentRulesTests
{
    private const string Component = nameof(ContentKind.Component);
    private const string Build = nameof(ContentKind.BuildContent);
    private const string Test = nameof(ContentKind.TestContent);

    private static string? CodeOf(string content, string kind = Component, BuildSystemType system = BuildSystemType.Linux) =>
        BuildContentRules.Parse(content, Enum.Parse<ContentKind>(kind), system).Error?.Code;

    private static ParsedContent Parsed(string content, ContentKind kind = ContentKind.Component, BuildSystemType system = BuildSystemType.Linux)
    {
        var parsed = BuildContentRules.Parse(content, kind, system);
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        return parsed.Value;
    }

    private static string Lines(int count, string line = "RUN echo step") => string.Join('\n', Enumerable.Repeat(line, count));

    /// <summary>Checks that hold wherever content is written: a component, a template's build or test content.</summary>
    private static readonly (string Content, string Code)[] PerCommandChecks =
    [
        ("FOO bar", "InvalidImageTemplateCommand.NotSupported"),
        ("RUN echo ok\nMAINTAINER me@example.com", "InvalidImageTemplateCommand.NotSupported"),
        ("RUN", "EmptyCommandContent.RUN"),
        ("ENV", "EmptyCommandContent.ENV"),
        ("LABEL", "EmptyCommandContent.LABEL"),
        ("COPY", "EmptyCommandContent.COPY"),
        ("ENTRYPOINT", "EmptyCommandContent.ENTRYPOINT"),
        ("CMD", "EmptyCommandContent.CMD"),
        ("WORKDIR   ", "EmptyCommandContent.WORKDIR"),
        ("USER", "EmptyCommandContent.USER"),
        ("RESTART now", "NotEmptyCommandContent.RESTART"),
        ("RUN echo \"unclosed", "InvalidCommandContent.RUN"),
        ("RUN echo 'unclosed", "InvalidCommandContent.RUN"),
        ("ENV MODE=production", "InvalidCommandContent.ENV"),
        ("ENV A=\"1\" B=2", "InvalidCommandContent.ENV"),
        ("ENV 1KEY value", "InvalidCommandContent.ENV"),
        ("WORKDIR opt/app", "InvalidCommandContent.WORKDIR"),
        ("WORKDIR /opt/my app", "InvalidCommandContent.WORKDIR"),
        ("COPY app.tar.gz", "InvalidCommandContent.COPY"),
        ("COPY a b /opt", "InvalidCommandContent.COPY"),
        ("COPY https://example.com/app.tar.gz?token=1 /opt", "InvalidCommandContent.COPY"),
        ("USER 1admin", "InvalidCommandContent.USER"),
        ("USER two words", "InvalidCommandContent.USER"),
        ("CMD [\"/bin/app\",", "InvalidCommandContent.CMD"),
        ("CMD []", "InvalidCommandContent.CMD"),
        ("ENTRYPOINT [1, 2]", "InvalidCommandContent.ENTRYPOINT"),
        ("ENTRYPOINT [\"/bin/run\"", "InvalidCommandContent.ENTRYPOINT"),
    ];

    public static TheoryData<string, string, string> CodesEverywhere()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (content, code) in PerCommandChecks)
        {
            foreach (var kind in new[] { Component, Build, Test })
            {
                data.Add(content, kind, code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodesEverywhere))]
    public void A_malformed_command_gets_its_code_in_a_component_and_in_a_template(string content, string kind, string code)
    {
        Assert.Equal(code, CodeOf(content, kind));
    }

    [Theory]
    [InlineData("FROM IMAGE:ubuntu_22_04_x64_20G_alibase_20240130.vhd", Component, "NotSupportedCommand.FROM")]
    [InlineData("RUN echo one\nFROM IMAGE_FAMILY:acme-base", Component, "NotSupportedCommand.FROM")]
    [InlineData("COMPONENT ic-bp1234567890abcdefghij", Component, "InvalidCommand.Component")]
    [InlineData("FROM ubuntu", Build, "InvalidCommandContent.FROM")]
    [InlineData("FROM IMAGE:", Build, "InvalidCommandContent.FROM")]
    [InlineData("FROM", Build, "InvalidCommandContent.FROM")]
    [InlineData("FROM IMAGE:a\nFROM IMAGE:b", Build, "DuplicatedCommand.FROM")]
    [InlineData("RUN echo one\nFROM IMAGE:a", Build, "InvalidCommandOrder.FROM")]
    [InlineData("COMPONENT not-a-component", Build, "InvalidParameter.BuildContent")]
    [InlineData("COMPONENT ic-bp1234567890abcdefghij --version", Build, "InvalidParameter.BuildContent")]
    [InlineData("COMPONENT ic-bp1234567890abcdefghij version 1", Build, "InvalidParameter.BuildContent")]
    [InlineData("COMPONENT acs:ecs:cn-hangzhou:1234567890123456:imagecomponent/web/1.0", Test, "InvalidParameter.TestContent")]
    [InlineData("COMPONENT", Build, "InvalidParameter.BuildContent")]
    [InlineData("COMPONENT", Test, "InvalidParameter.TestContent")]
    public void The_commands_that_depend_on_where_they_are_written_get_their_codes(string content, string kind, string code)
    {
        Assert.Equal(code, CodeOf(content, kind));
    }

    [Fact]
    public void FROM_in_a_component_is_documented_as_not_found()
    {
        var error = BuildContentRules.Parse("FROM IMAGE:ubuntu_22_04_x64_20G_alibase_20240130.vhd", ContentKind.Component, BuildSystemType.Linux).Error;

        Assert.Equal(ImageBuilderErrors.FromInComponentCode, error?.Code);
        Assert.Equal(404, error?.HttpStatus);
    }

    [Theory]
    [InlineData("RUN apt-get update")]
    [InlineData("ENV PATH /usr/local/bin:/usr/bin")]
    [InlineData("ENV A=\"1\" B=\"two words\"")]
    [InlineData("WORKDIR /opt/app")]
    [InlineData("COPY https://example.com/app.tar.gz /opt")]
    [InlineData("COPY ./app.conf /etc/app")]
    [InlineData("USER admin")]
    [InlineData("LABEL version=\"1.0\" owner=\"web\"")]
    [InlineData("CMD [\"/bin/app\",\"-v\"]")]
    [InlineData("CMD /bin/app -v")]
    [InlineData("ENTRYPOINT [\"/bin/run\"]")]
    [InlineData("RESTART")]
    [InlineData("# a comment\n\nRUN echo after a blank line")]
    [InlineData("run echo lower-case keywords are keywords")]
    public void Well_formed_commands_pass_in_a_component(string content)
    {
        Assert.Null(CodeOf(content));
    }

    [Theory]
    [InlineData("FROM IMAGE:ubuntu_22_04_x64_20G_alibase_20240130.vhd\nRUN echo built")]
    [InlineData("FROM IMAGE_FAMILY:acme-base")]
    [InlineData("COMPONENT ic-bp1234567890abcdefghij")]
    [InlineData("COMPONENT ic-bp1234567890abcdefghij --version 1.24 --port 80")]
    [InlineData("COMPONENT acs:ecs:cn-hangzhou:1234567890123456:imagecomponent/web/1.*.*")]
    [InlineData("COMPONENT acs:ecs:cn-hangzhou:1234567890123456:imagecomponent/web:1.0.0")]
    public void Well_formed_template_commands_pass_in_build_content(string content)
    {
        Assert.Null(CodeOf(content, Build));
    }

    [Fact]
    public void Content_over_16_KB_is_too_long_with_the_code_of_where_it_is_written()
    {
        var content = "RUN echo " + new string('a', BuildContentRules.MaxContentBytes);

        Assert.Equal(ImageBuilderErrors.ContentLengthCode, CodeOf(content, Component));
        Assert.Equal(ImageBuilderErrors.BuildContentLengthCode, CodeOf(content, Build));
        Assert.Equal(ImageBuilderErrors.BuildContentLengthCode, CodeOf(content, Test));
    }

    [Fact]
    public void The_16_KB_limit_counts_UTF8_bytes_not_characters()
    {
        var exactly = "RUN " + new string('a', BuildContentRules.MaxContentBytes - 4);
        var chinese = "RUN echo " + new string('中', 5460); // 5,469 characters, 16,389 bytes

        Assert.Null(CodeOf(exactly));
        Assert.Equal(ImageBuilderErrors.ContentLengthCode, CodeOf(chinese));
    }

    [Fact]
    public void At_most_127_commands_are_allowed()
    {
        Assert.Null(CodeOf(Lines(127)));
        Assert.Equal(ImageBuilderErrors.TooManyCommandsCode, CodeOf(Lines(128)));
        Assert.Equal(ImageBuilderErrors.TooManyCommandsCode, CodeOf(Lines(128), Build));
    }

    [Fact]
    public void A_command_continued_over_several_lines_counts_once()
    {
        Assert.Null(CodeOf(Lines(127, "RUN echo one && \\\n    echo two")));
    }

    [Fact]
    public void A_backslash_at_the_end_of_a_line_joins_it_with_the_next()
    {
        var parsed = Parsed("RUN apt-get update && \\\n    apt-get install -y nginx\nRUN echo done");

        Assert.Equal(2, parsed.Commands.Count);
        Assert.Equal(1, parsed.Commands[0].Line);
        Assert.Equal("RUN", parsed.Commands[0].Keyword);
        Assert.Contains("apt-get update &&", parsed.Commands[0].Argument, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y nginx", parsed.Commands[0].Argument, StringComparison.Ordinal);
        Assert.Equal(3, parsed.Commands[1].Line);
        Assert.Equal("echo done", parsed.Commands[1].Argument);
    }

    [Fact]
    public void A_keyword_alone_on_a_continued_line_takes_the_next_line_as_its_argument()
    {
        var parsed = Parsed("RUN \\\n  echo continued");

        Assert.Equal("echo continued", Assert.Single(parsed.Commands).Argument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    public void A_component_with_no_command_is_missing_its_content(string content)
    {
        Assert.Equal(ImageBuilderErrors.MissingContentCode, CodeOf(content));
    }

    private const string YamlComponent = """
        Parameters:
          version:
            Type: String
            DefaultValue: "1.24"
          port:
            Type: Number
        Tasks:
          - Name: install
            Action: RunShellCommand
            Properties:
              commandContent: apt-get install -y nginx={{ version }}
          - Name: restart
            Action: Reboot
        """;

    [Fact]
    public void A_YAML_component_gives_its_tasks_in_order_and_its_parameters_with_type_and_default()
    {
        var parsed = Parsed(YamlComponent);

        Assert.True(parsed.IsYaml);
        Assert.Equal(["RunShellCommand", "Reboot"], parsed.Commands.Select(c => c.Keyword));
        Assert.Equal("apt-get install -y nginx={{ version }}", parsed.Commands[0].Argument);
        Assert.Equal([new ComponentParameter("version", "String", "1.24"), new ComponentParameter("port", "Number", null)], parsed.Parameters);
    }

    [Fact]
    public void A_YAML_component_for_Windows_runs_PowerShell()
    {
        var parsed = Parsed("Tasks:\n  - Name: update\n    Action: RunPowerShellCommand\n    Properties:\n      commandContent: Install-WindowsUpdate -AcceptAll\n",
            system: BuildSystemType.Windows);

        Assert.Equal("RunPowerShellCommand", Assert.Single(parsed.Commands).Keyword);
    }

    [Theory]
    [InlineData("Tasks: [unclosed", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: RunShellCommand\n    Properties:\n      commandContent: 'unclosed\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Name: b\n    Action: Reboot\n", BuildSystemType.Linux)]
    [InlineData("Tasks: []", BuildSystemType.Linux)]
    [InlineData("Tasks:", BuildSystemType.Linux)]
    [InlineData("Parameters:\n  version:\n    Type: String\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: RunPython\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Action: Reboot\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: RunShellCommand\n    Properties:\n      workingDir: /opt\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: RunShellCommand\n    Properties:\n      commandContent: dir\n", BuildSystemType.Windows)]
    [InlineData("Tasks:\n  - Name: a\n    Action: RunPowerShellCommand\n    Properties:\n      commandContent: Get-Date\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: OSSDownload\n    Properties:\n      bucketName: b\n      objectName: o\n", BuildSystemType.Linux)]
    [InlineData("Parameters:\n  port:\n    Type: Integer\nTasks:\n  - Name: a\n    Action: Reboot\n", BuildSystemType.Linux)]
    [InlineData("Parameters:\n  [a, b]:\n    Type: String\nTasks:\n  - Name: a\n    Action: Reboot\n", BuildSystemType.Linux)]
    [InlineData("Parameters: none\nTasks:\n  - Name: a\n    Action: Reboot\n", BuildSystemType.Linux)]
    [InlineData("Tasks:\n  - Name: a\n    Action: Reboot\n---\nTasks:\n  - Name: b\n    Action: Reboot\n", BuildSystemType.Linux)]
    public void Invalid_YAML_content_is_invalid_content_of_where_it_is_written(string content, BuildSystemType system)
    {
        Assert.Equal(ImageBuilderErrors.ContentInvalidCode, CodeOf(content, Component, system));
        Assert.Equal(ImageBuilderErrors.BuildContentInvalidCode, CodeOf(content, Build, system));
        Assert.Equal(ImageBuilderErrors.TestContentInvalidCode, CodeOf(content, Test, system));
    }

    [Fact]
    public void A_YAML_component_holds_at_most_127_tasks()
    {
        var tasks = string.Concat(Enumerable.Range(1, 128).Select(i => $"  - Name: t{i}\n    Action: Reboot\n"));

        Assert.Equal(ImageBuilderErrors.TooManyCommandsCode, CodeOf("Tasks:\n" + tasks));
    }

    [Theory]
    [InlineData("RUN echo hello", Component, "InvalidParameter.Content")]
    [InlineData("RUN echo hello", Build, "InvalidParameter.BuildContent")]
    [InlineData("WORKDIR /opt\nCOMPONENT ic-bp1234567890abcdefghij", Build, "InvalidParameter.BuildContent")]
    [InlineData("RUN echo hello", Test, "InvalidParameter.TestContent")]
    public void Dockerfile_lines_are_refused_for_Windows(string content, string kind, string code)
    {
        Assert.Equal(code, CodeOf(content, kind, BuildSystemType.Windows));
    }

    [Fact]
    public void A_Windows_template_may_use_components_and_FROM()
    {
        Assert.Null(CodeOf("FROM IMAGE:win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd\nCOMPONENT ic-aliyun00000000000005", Build, BuildSystemType.Windows));
    }

    [Theory]
    [InlineData("exit 1", 1)]
    [InlineData("make || exit 3", 3)]
    [InlineData("make test; exit 2", 2)]
    [InlineData("make && exit 4;", 4)]
    [InlineData("echo start\nexit 5", 5)]
    [InlineData("false \\\n  || exit 6", 6)]
    [InlineData("echo exit 1", 0)]
    [InlineData("exit 0", 0)]
    [InlineData("exit 1\necho recovered", 0)]
    [InlineData("apt-get update", 0)]
    [InlineData("", 0)]
    public void A_shell_command_exits_with_the_code_of_its_last_exit_statement(string command, int exitCode)
    {
        Assert.Equal(exitCode, BuildContentRules.SimulatedExitCode(command));
    }
}
