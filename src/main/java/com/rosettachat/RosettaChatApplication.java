package com.rosettachat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

// Excluded here rather than in application.yml, where the list would also override the exclusions
// of any other Boot application sharing the classpath (the S3 test server).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class RosettaChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(RosettaChatApplication.class, args);
    }
}
