package com.rosettachat.device.web;

import com.rosettachat.device.Device;
import com.rosettachat.device.DeviceService;
import com.rosettachat.device.NewDevice;
import com.rosettachat.device.internal.DeviceStore;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Devices", description = "Push-notification devices of the signed-in user")
class DevicesController {

    private final DeviceService devices;

    DevicesController(DeviceService devices) {
        this.devices = devices;
    }

    @PostMapping("/api/v1/devices")
    @Operation(summary = "Register a push device", description = "The push token is the identity: 201 for a token new "
            + "to the caller (including one taken over from another account), 200 when the caller refreshes a token "
            + "it already holds. Safe to call on every app launch. The push token is never returned.")
    ResponseEntity<Map<String, DeviceView>> register(CurrentUser caller, Input input) {
        String platform = input.field("platform").required().string().in(Device.PLATFORMS).asString();
        String provider = input.field("provider").required().string().in(Device.PROVIDERS).asString();
        String token = input.field("push_token").required().string().max(4096).asString();
        String deviceId = input.field("device_id").string().max(255).asString();
        String deviceName = input.field("device_name").string().max(255).asString();
        String appVersion = input.field("app_version").string().max(64).asString();
        input.validate();
        DeviceService.Registration registration = devices.register(caller.id(),
                new NewDevice(platform, provider, token, deviceId, deviceName, appVersion));
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("data", DeviceView.of(registration.device())));
    }

    @DeleteMapping("/api/v1/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unregister a push device", description = "Owner only; anyone else's device is 404.")
    void delete(CurrentUser caller, @PathVariable String id) {
        devices.delete(caller.id(), id);
    }

    @GetMapping("/api/v1/me/devices")
    @Operation(summary = "List my push devices", description = "provider (fcm, expo, apns), sort (last_used_at, "
            + "-last_used_at, created_at, -created_at; default -last_used_at), per_page (1-100, default 15), page.")
    PagedResponse<DeviceView> mine(CurrentUser caller, Input input, HttpServletRequest request) {
        String provider = input.field("provider").string().in(Device.PROVIDERS).asString();
        String sort = input.field("sort").string().in(DeviceStore.sorts()).asString();
        PageRequest page = PageRequest.from(input);
        input.validate();
        return PagedResponse.of(devices.listOwned(caller.id(), provider, sort, page).map(DeviceView::of), request);
    }
}
