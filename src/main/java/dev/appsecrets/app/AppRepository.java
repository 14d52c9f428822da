package dev.appsecrets.app;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppRepository extends JpaRepository<App, UUID> {

	@Query(value = "SELECT * FROM apps ORDER BY name, id LIMIT :limit OFFSET :offset", nativeQuery = true)
	List<App> findPage(int limit, long offset);

	@Query(value = "SELECT * FROM apps WHERE id IN (:ids) ORDER BY name, id LIMIT :limit OFFSET :offset",
			nativeQuery = true)
	List<App> findPageIn(Collection<UUID> ids, int limit, long offset);

	List<App> findByNameOrderById(String name);

	long countByIdIn(Collection<UUID> ids);

}
