package dev.appsecrets.app;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.audit.AuditedEvent.AppChanged;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.web.CanonicalIds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, renames and deletes apps; other features ask it whether an app exists.
 * Every operation re-checks the caller's app scope on the id it uses.
 */
@Service
public class AppService {

	private final AppRepository apps;

	private final AuditLog audit;

	private final Clock clock;

	AppService(AppRepository apps, AuditLog audit, Clock clock) {
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	AppResponse create(String name) {
		AppScope.requireUnlimited();
		App app = this.apps.save(new App(name, this.clock.instant()));
		this.audit.record(AppChanged.created(app.id()));
		return AppResponse.from(app);
	}

	/**
	 * One page of the apps the caller may see.
	 */
	@Transactional(readOnly = true)
	AppListResponse list(int limit, long offset) {
		Set<UUID> limitedTo = AppScope.current();
		if (limitedTo == null) {
			List<AppResponse> page = this.apps.findPage(limit, offset).stream().map(AppResponse::from).toList();
			return new AppListResponse(page, this.apps.count(), limit, offset);
		}
		if (limitedTo.isEmpty()) {
			return new AppListResponse(List.of(), 0, limit, offset);
		}
		List<AppResponse> page = this.apps.findPageIn(limitedTo, limit, offset)
			.stream()
			.map(AppResponse::from)
			.toList();
		return new AppListResponse(page, this.apps.countByIdIn(limitedTo), limit, offset);
	}

	@Transactional(readOnly = true)
	AppResponse get(UUID appId) {
		AppScope.require(appId);
		return AppResponse.from(find(appId));
	}

	@Transactional
	AppResponse rename(UUID appId, String name) {
		AppScope.require(appId);
		App app = find(appId);
		app.rename(name, this.clock.instant());
		this.audit.record(AppChanged.renamed(appId));
		return AppResponse.from(app);
	}

	/** Deletes the app; the database cascades the delete to its secrets. */
	@Transactional
	void delete(UUID appId) {
		AppScope.require(appId);
		this.apps.delete(find(appId));
		this.audit.record(AppChanged.deleted(appId));
	}

	/**
	 * Whether the app exists.
	 * @param appId the app to look for
	 * @return true if it exists
	 */
	@Transactional(readOnly = true)
	public boolean exists(UUID appId) {
		return this.apps.existsById(appId);
	}

	/**
	 * Fails with {@link AppNotFoundException} unless the app exists.
	 * @param appId the app to look for
	 */
	@Transactional(readOnly = true)
	public void requireExists(UUID appId) {
		if (!this.apps.existsById(appId)) {
			throw new AppNotFoundException(appId);
		}
	}

	/**
	 * The app that a caller names by id or by name, as Spring Cloud Config's
	 * {@code {application}} does. A canonical id names that app: outside the caller's
	 * scope that is a 403, and a 404 if there is none. Any other text is a name, matched
	 * exactly among the apps the caller may touch only, so that the answer tells nothing
	 * of other apps: 404 if none has it, 409 if several do.
	 * @param idOrName the app's id or name
	 * @return the app's id
	 */
	@Transactional(readOnly = true)
	public UUID resolve(String idOrName) {
		UUID id = CanonicalIds.uuid(idOrName);
		if (id != null) {
			AppScope.require(id);
			requireExists(id);
			return id;
		}
		Set<UUID> limitedTo = AppScope.current();
		List<UUID> named = this.apps.findByNameOrderById(idOrName)
			.stream()
			.map(App::id)
			.filter((candidate) -> limitedTo == null || limitedTo.contains(candidate))
			.toList();
		if (named.isEmpty()) {
			throw AppNotFoundException.named(idOrName);
		}
		if (named.size() > 1) {
			throw new AppNameAmbiguousException(idOrName, named);
		}
		return named.get(0);
	}

	private App find(UUID appId) {
		return this.apps.findById(appId).orElseThrow(() -> new AppNotFoundException(appId));
	}

}
