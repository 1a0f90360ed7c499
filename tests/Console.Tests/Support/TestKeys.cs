namespace EcsConsole.Tests.Support;

/// <summary>SSH public keys made with <c>ssh-keygen</c> for the key pair tests, with the fingerprints <c>ssh-keygen -l -E md5</c> gives.</summary>
public static class TestKeys
{
    /// <summary><c>ssh-keygen -t rsa -b 1024 -C tester@example</c>.</summary>
    public const string RsaPublicKey =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDUAHY954jzkRJgM26zQt++Ni4IouuGK+gq5T0OTHxvMweCf8tbOndwDa42K6TCJf96kJtJVdyyIbGJT1i2cSXqRFZZr0g+UI22w/WLplFY5qgNoh2ljS0QeB4FzDtLsGmUekbZjzmlSOMoinf/Y0KvS189f2AcIVwWl8RECgaZ0Q== tester@example";

    public const string RsaFingerPrint = "46:29:10:d6:cf:54:08:12:d4:02:bf:d7:b7:5f:57:18";

    /// <summary><c>ssh-keygen -t ecdsa</c> (nistp256).</summary>
    public const string EcdsaPublicKey =
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJufqR84cgw01vyuefbdtmpJJsi2yR0p3NL3COsuLAEKEUneqt1sz8KaEW1vBT7x53p8jkHv8a9o4WHMsq20UIg= root@vm";

    public const string EcdsaFingerPrint = "e0:c0:2e:18:49:eb:be:95:af:62:c8:72:ab:fe:5d:a5";
}
