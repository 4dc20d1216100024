using System.Text;
using TipLine.Intake.Channels.Email;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class AttachmentScreenTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];

    [Theory]
    [InlineData("application/octet-stream", "setup.exe")]
    [InlineData("application/octet-stream", "photo.jpg.scr")]
    [InlineData("application/x-msdownload", "x.bin")]
    [InlineData("text/plain", "run.ps1")]
    [InlineData("application/java-archive", "game.jar")]
    public void Programs_are_refused_by_name_or_type(string contentType, string fileName) =>
        Assert.Equal("executable", AttachmentScreen.Refusal(contentType, fileName, Jpeg, 1000));

    [Theory]
    [InlineData("MZ\u0090\u0000")]
    [InlineData("\u007fELF\u0002")]
    [InlineData("#!/bin/sh\nrm -rf /")]
    public void Programs_are_refused_by_their_first_bytes_whatever_they_are_called(string start) =>
        Assert.Equal("executable", AttachmentScreen.Refusal("image/jpeg", "holiday.jpg", Encoding.Latin1.GetBytes(start), 1000));

    [Fact]
    public void A_file_over_the_limit_is_refused() =>
        Assert.Equal("too large", AttachmentScreen.Refusal("image/jpeg", "a.jpg", new byte[1001], 1000));

    [Theory]
    [InlineData("image/jpeg", "IMG_0001.JPG")]
    [InlineData("application/pdf", "screenshot.pdf")]
    [InlineData("image/png", null)]
    public void Pictures_and_documents_are_kept(string contentType, string? fileName) =>
        Assert.Null(AttachmentScreen.Refusal(contentType, fileName, Jpeg, 1000));
}
