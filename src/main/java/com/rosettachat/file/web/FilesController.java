package com.rosettachat.file.web;

import com.rosettachat.file.FileService;
import com.rosettachat.file.StoredFile;
import com.rosettachat.file.internal.FileStore;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.security.CurrentGuest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.GuestAllowed;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.Downloads;
import com.rosettachat.shared.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Files", description = "Staged uploads, their metadata and downloads")
class FilesController {

    private static final List<String> VISIBILITIES = List.of(StoredFile.PUBLIC, StoredFile.PRIVATE);

    private final FileService files;

    FilesController(FileService files) {
        this.files = files;
    }

    @GuestAllowed
    @PostMapping(path = "/api/v1/files")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file", description = "Multipart `file`, optional `visibility` and `meta`. "
            + "The file expires unless a message attaches it. A temporary room guest (X-Rosetta-Guest-Token) may "
            + "upload too: the file has no owner and can be attached only in that guest's room.")
    Map<String, FileView> upload(@Nullable CurrentUser caller, @Nullable CurrentGuest guest, Input input,
                                 @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        // The interceptor let in a user or a guest; a user calling with both is the user.
        FileService.Uploader uploader = caller != null ? FileService.Uploader.user(caller.id())
                : new FileService.Uploader(null, Objects.requireNonNull(guest).roomId());
        UploadInput upload = UploadInput.parse(input, file, VISIBILITIES);
        StoredFile stored = files.upload(uploader, file.getOriginalFilename(),
                file.getSize(), upload.visibility(), upload.meta(), file.getInputStream());
        return Map.of("data", FileView.of(stored));
    }

    @GetMapping("/api/v1/files/{id}")
    @Operation(summary = "Show file metadata")
    Map<String, FileView> show(CurrentUser caller, @PathVariable String id) {
        return Map.of("data", FileView.of(files.readable(caller.id(), id)));
    }

    @GetMapping(path = "/api/v1/files/{id}/download", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Stream the file contents", description = "Supports a single Range.")
    void download(CurrentUser caller, @PathVariable String id, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        StoredFile file = files.readable(caller.id(), id);
        Downloads.stream(request, response, file.clientName(), file.mimeType(), file.size(),
                (offset, length) -> files.open(file, offset, length));
    }

    @DeleteMapping("/api/v1/files/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a file", description = "Soft delete; the bytes are removed.")
    void delete(CurrentUser caller, @PathVariable String id) {
        files.delete(caller.id(), id);
    }

    @GetMapping("/api/v1/me/files")
    @Operation(summary = "List my files", description = "claimed (default true), visibility, q, sort, per_page, page.")
    PagedResponse<FileView> mine(CurrentUser caller, Input input, HttpServletRequest request) {
        Field claimedField = input.field("claimed").bool();
        String visibility = input.field("visibility").string().in(VISIBILITIES).asString();
        String q = input.field("q").string().max(255).asString();
        String sort = input.field("sort").string().in(FileStore.sorts()).asString();
        PageRequest page = PageRequest.from(input);
        input.validate();
        boolean claimed = claimedField.asBoolean() == null || claimedField.asBoolean();
        return PagedResponse.of(files.listOwned(caller.id(), claimed, visibility, q, sort, page).map(FileView::of), request);
    }
}
