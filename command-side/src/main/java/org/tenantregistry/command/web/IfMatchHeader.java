package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the {@code If-Match} parameter the same way on every conditional write. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "If-Match", description = "the version the write is conditional on, as sent in the ETag: \"3\" "
        + "(also 3 and W/\"3\"); * or absent for no condition. A stale version answers 412 and changes nothing; a "
        + "blank value, a list or anything that is no entity tag answers 400.",
        example = "\"3\"")
@interface IfMatchHeader {
}
